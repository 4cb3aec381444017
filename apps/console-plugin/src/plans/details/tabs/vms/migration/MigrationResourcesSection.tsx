import { useState, type FC } from 'react';
import { Content, ExpandableSection, Stack, StackItem } from '@patternfly/react-core';
import { LoadErrorAlert } from '../../../../../components/LoadErrorAlert.tsx';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import type { VmMigrationResources } from '@forklift-console/api';
import { MigratedVmTable } from './MigratedVmTable.tsx';
import { MigrationPodsTable } from './MigrationPodsTable.tsx';
import { MigrationVolumesTable } from './MigrationVolumesTable.tsx';

type Props = {
  namespace: string;
  vmId: string;
  resources: VmMigrationResources | undefined;
  error: Error | null;
};

/** What the migration made for one VM in the target project, folded until asked for. */
export const MigrationResourcesSection: FC<Props> = ({ namespace, vmId, resources, error }) => {
  const { t } = useForkliftTranslation();
  const [isExpanded, setExpanded] = useState(false);
  const isEmpty =
    !resources ||
    resources.dataVolumes.length +
      resources.persistentVolumeClaims.length +
      resources.pods.length +
      resources.virtualMachines.length ===
      0;
  return (
    <ExpandableSection
      toggleText={t('Migration resources')}
      isExpanded={isExpanded}
      onToggle={(_event, expanded) => setExpanded(expanded)}
      data-testid={`migration-resources-${vmId}`}
    >
      {error && (
        <LoadErrorAlert
          title={t('Could not list the migration resources')}
          error={error}
          testId="migration-resources-error"
        />
      )}
      {!error && isEmpty && (
        <Content component="p">
          {t('The migration has not created anything for this VM in {{namespace}}.', { namespace })}
        </Content>
      )}
      {resources && !isEmpty && (
        <Stack hasGutter>
          {resources.virtualMachines.length > 0 && (
            <StackItem>
              <MigratedVmTable namespace={namespace} machines={resources.virtualMachines} />
            </StackItem>
          )}
          {resources.pods.length > 0 && (
            <StackItem>
              <MigrationPodsTable namespace={namespace} pods={resources.pods} />
            </StackItem>
          )}
          {resources.dataVolumes.length + resources.persistentVolumeClaims.length > 0 && (
            <StackItem>
              <MigrationVolumesTable
                dataVolumes={resources.dataVolumes}
                persistentVolumeClaims={resources.persistentVolumeClaims}
              />
            </StackItem>
          )}
        </Stack>
      )}
    </ExpandableSection>
  );
};
