import type { FC } from 'react';
import { Alert } from '@patternfly/react-core';
import type { Migration } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

/**
 * Between Start and the engine taking the Migration up, the plan's own status has not changed yet:
 * this says that the migration was asked for and is waiting to begin.
 */
export const PlanMigrationStartedAlert: FC<{ migration: Migration }> = ({ migration }) => {
  const { t } = useForkliftTranslation();
  return (
    <Alert
      variant="info"
      isInline
      title={t(
        'Migration {{name}} was created and is waiting for the migration controller to start it.',
        {
          name: migration.metadata?.name ?? '',
        },
      )}
      data-testid="plan-migration-started"
      className="pf-v6-u-mt-md"
    />
  );
};
