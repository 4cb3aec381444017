import type { FC } from 'react';
import { DropdownItem, Tooltip } from '@patternfly/react-core';
import { useNavigate } from 'react-router';
import type { K8sModel } from '@forklift-console/api';
import { useConsoleHost } from '../../host/ConsoleHost.ts';
import { useAccessReview } from '../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { mapCreateFormPath, mapCreateYamlPath } from '../../utils/map-paths.ts';
import { ActionsDropdown } from '../ActionsDropdown.tsx';

type Props = { model: K8sModel; label: string };

/** "Create network map" (or storage map): with the form, or with YAML from a template. */
export const CreateMapButton: FC<Props> = ({ model, label }) => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const navigate = useNavigate();
  // Under All projects the form lets the user choose a project, so there is nothing to ask yet.
  const { allowed } = useAccessReview(
    activeNamespace
      ? { verb: 'create', group: model.group, resource: model.plural, namespace: activeNamespace }
      : undefined,
  );
  const isForbidden = allowed === false;
  const menu = (
    <ActionsDropdown
      toggleProps={{ variant: 'primary', isDisabled: isForbidden }}
      toggleTestId="create-map-button"
      label={label}
    >
      <DropdownItem
        onClick={() => navigate(mapCreateFormPath(model, activeNamespace))}
        data-testid="create-map-with-form"
      >
        {t('Create with form')}
      </DropdownItem>
      <DropdownItem
        onClick={() => navigate(mapCreateYamlPath(model, activeNamespace))}
        data-testid="create-map-with-yaml"
      >
        {t('Create with YAML')}
      </DropdownItem>
    </ActionsDropdown>
  );
  return isForbidden ? (
    <Tooltip content={t('You cannot create maps in this project')}>
      <span>{menu}</span>
    </Tooltip>
  ) : (
    menu
  );
};
