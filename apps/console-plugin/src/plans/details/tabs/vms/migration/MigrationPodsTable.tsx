import { useState, type FC } from 'react';
import { Button } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import type { MigrationPod } from '@forklift-console/api';
import { PodLogModal } from './PodLogModal.tsx';

type Props = { namespace: string; pods: readonly MigrationPod[] };

const containerText = ({ name, state, reason, exitCode }: MigrationPod['containers'][number]) =>
  [name, state, reason, exitCode === undefined ? undefined : `exit ${exitCode}`]
    .filter(Boolean)
    .join(' · ');

/** The conversion, importer and hook pods of a VM, each with its log. */
export const MigrationPodsTable: FC<Props> = ({ namespace, pods }) => {
  const { t } = useForkliftTranslation();
  const [open, setOpen] = useState<MigrationPod>();
  return (
    <>
      <Table aria-label={t('Pods')} variant="compact" data-testid="migration-pods">
        <Thead>
          <Tr>
            <Th>{t('Pod')}</Th>
            <Th>{t('Role')}</Th>
            <Th>{t('Phase')}</Th>
            <Th>{t('Containers')}</Th>
            <Th screenReaderText={t('Log')} />
          </Tr>
        </Thead>
        <Tbody>
          {pods.map((pod) => (
            <Tr key={pod.name} data-testid={`migration-pod-${pod.name}`}>
              <Td dataLabel={t('Pod')}>{pod.name}</Td>
              <Td dataLabel={t('Role')}>{pod.role ?? '–'}</Td>
              <Td dataLabel={t('Phase')}>{pod.phase ?? '–'}</Td>
              <Td dataLabel={t('Containers')}>
                {pod.containers.map(containerText).join(', ') || '–'}
              </Td>
              <Td>
                <Button
                  variant="link"
                  isInline
                  isDisabled={pod.containers.length === 0}
                  onClick={() => setOpen(pod)}
                  data-testid={`view-log-${pod.name}`}
                >
                  {t('View log')}
                </Button>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {open && (
        <PodLogModal
          namespace={namespace}
          pod={open.name}
          containers={open.containers.map((container) => container.name)}
          container={open.containers[0]?.name ?? ''}
          title={t('Log of {{pod}}', { pod: open.name })}
          onClose={() => setOpen(undefined)}
        />
      )}
    </>
  );
};
