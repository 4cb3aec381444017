import type { FC, ReactNode } from 'react';
import { DropdownItem } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import type { Plan } from '@forklift-console/api';
import { ActionsDropdown } from '../../../components/ActionsDropdown.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { planDetailsPath } from '../utils/plan-tabs.ts';

type Props = {
  plan: Plan;
  /** More `DropdownItem`s after Edit YAML: Duplicate, Archive and Delete from plans/actions. */
  items?: ReactNode;
};

/** The details page's Actions menu. */
export const PlanActionsDropdown: FC<Props> = ({ plan, items }) => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const { namespace = '', name = '' } = plan.metadata ?? {};
  return (
    <ActionsDropdown label={t('Actions')} toggleTestId="plan-actions">
      <DropdownItem
        onClick={() => navigate(planDetailsPath(namespace, name, 'yaml'))}
        data-testid="plan-action-edit-yaml"
      >
        {t('Edit YAML')}
      </DropdownItem>
      {items}
    </ActionsDropdown>
  );
};
