import type { FC } from 'react';
import { Alert, List, ListItem, Stack, StackItem } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import type { VmMigrationResources } from '@forklift-console/api';
import type { MigrationVmRow } from '../../../utils/migration-vms.ts';
import { MigrationResourcesSection } from './MigrationResourcesSection.tsx';
import { VmPipelineTable } from './VmPipelineTable.tsx';

type Props = {
  row: MigrationVmRow;
  namespace: string;
  resources: VmMigrationResources | undefined;
  resourcesError: Error | null;
};

/** A VM's expanded row: why it waits or failed, its pipeline, and what the migration made. */
export const MigrationVmDetails: FC<Props> = ({ row, namespace, resources, resourcesError }) => {
  const { t } = useForkliftTranslation();
  const { error } = row.vm;
  return (
    <Stack hasGutter>
      {row.pendingReason && (
        <StackItem>
          <Alert
            variant="info"
            isInline
            isPlain
            title={row.pendingReason}
            data-testid={`vm-pending-${row.id}`}
          />
        </StackItem>
      )}
      {error && (
        <StackItem>
          <Alert
            variant="danger"
            isInline
            title={t('The migration failed in phase {{phase}}', { phase: error.phase })}
            data-testid={`vm-error-${row.id}`}
          >
            <List>
              {error.reasons.map((reason) => (
                <ListItem key={reason}>{reason}</ListItem>
              ))}
            </List>
          </Alert>
        </StackItem>
      )}
      <StackItem>
        <VmPipelineTable vm={row.vm} />
      </StackItem>
      <StackItem>
        <MigrationResourcesSection
          namespace={namespace}
          vmId={row.id}
          resources={resources}
          error={resourcesError}
        />
      </StackItem>
    </Stack>
  );
};
