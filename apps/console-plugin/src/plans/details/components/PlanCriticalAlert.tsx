import type { FC } from 'react';
import { Alert, AlertActionLink, List, ListItem } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanConcern } from '../utils/plan-concerns.ts';

type Props = { concerns: readonly PlanConcern[]; onViewAll: () => void };

/** Why the plan cannot start: each blocking concern with the VMs it names. */
export const PlanCriticalAlert: FC<Props> = ({ concerns, onViewAll }) => {
  const { t } = useForkliftTranslation();
  return (
    <Alert
      variant="danger"
      isInline
      className="pf-v6-u-mt-md"
      title={t('{{number}} critical concerns impacting your migration plan', {
        number: concerns.length,
      })}
      actionLinks={
        <AlertActionLink onClick={onViewAll} data-testid="view-all-concerns">
          {t('View all critical concerns')}
        </AlertActionLink>
      }
      data-testid="plan-critical-alert"
    >
      <p>{t('Migration can not start until these critical concerns are resolved.')}</p>
      <List>
        {concerns.map((concern, index) => (
          <ListItem
            key={`${concern.type}-${index}`}
            data-testid={`critical-concern-${concern.type}`}
          >
            <strong>{concern.type}</strong>
            {concern.message && `: ${concern.message}`}
            {concern.resources.length > 0 && ` (${concern.resources.join(', ')})`}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};
