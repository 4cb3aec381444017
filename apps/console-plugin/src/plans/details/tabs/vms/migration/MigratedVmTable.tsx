import { useState, type FC } from 'react';
import { Button } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import type { MigrationPod, VmMigrationResources } from '@forklift-console/api';
import { PodLogModal } from './PodLogModal.tsx';

type Props = { namespace: string; machines: VmMigrationResources['virtualMachines'] };

// KubeVirt's launcher pod writes the guest's serial port to this container's log.
const SERIAL_CONSOLE_CONTAINER = 'guest-console-log';

/** The VirtualMachine the migration created, its KubeVirt status, and its serial console. */
export const MigratedVmTable: FC<Props> = ({ namespace, machines }) => {
  const { t } = useForkliftTranslation();
  const [serial, setSerial] = useState<{ vm: string; pod: MigrationPod }>();
  return (
    <>
      <Table aria-label={t('Virtual machine')} variant="compact" data-testid="migrated-vm">
        <Thead>
          <Tr>
            <Th>{t('Virtual machine')}</Th>
            <Th>{t('Status')}</Th>
            <Th screenReaderText={t('Serial console')} />
          </Tr>
        </Thead>
        <Tbody>
          {machines.map((vm) => {
            const launcher =
              vm.launcherPods.find((pod) => pod.phase === 'Running') ?? vm.launcherPods[0];
            return (
              <Tr key={vm.name} data-testid={`migrated-vm-${vm.name}`}>
                <Td dataLabel={t('Virtual machine')}>{vm.name}</Td>
                <Td dataLabel={t('Status')} data-testid="migrated-vm-status">
                  {vm.printableStatus ?? '–'}
                </Td>
                <Td>
                  {launcher && (
                    <Button
                      variant="link"
                      isInline
                      onClick={() => setSerial({ vm: vm.name, pod: launcher })}
                      data-testid={`serial-console-${vm.name}`}
                    >
                      {t('Serial console')}
                    </Button>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {serial && (
        <PodLogModal
          namespace={namespace}
          pod={serial.pod.name}
          containers={[SERIAL_CONSOLE_CONTAINER, 'compute']}
          container={SERIAL_CONSOLE_CONTAINER}
          title={t('Serial console of {{vm}}', { vm: serial.vm })}
          onClose={() => setSerial(undefined)}
        />
      )}
    </>
  );
};
