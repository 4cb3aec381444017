import type { FC } from 'react';
import { Content, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { TipList } from '../TipList.tsx';
import { TipSection } from '../TipSection.tsx';
import { TipTerms } from '../TipTerms.tsx';

export const MigrationTypeTopic: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'The migration type decides how long a virtual machine is unavailable. Cold is the simplest; warm and live trade extra requirements for shorter downtime.',
        )}
      </Content>
      <TipSection title={t('Cold migration')} isInitiallyExpanded>
        <Content component="p">
          {t(
            'The source machine is shut down first, then its disks are copied and converted. The machine is offline for the whole copy. Every source supports it.',
          )}
        </Content>
        <TipList
          items={[
            t(
              'Use it when the machine can be offline during the copy, such as in a maintenance window.',
            ),
            t('Use it for small disks, where the copy is short anyway.'),
            t('Use it for OpenStack and OVA sources, which offer only cold migration.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Warm migration')}>
        <Content component="p">
          {t(
            'The disks are copied while the source machine keeps running. Snapshots are taken again at every precopy interval (60 minutes by default) and only the changed blocks are copied. At cutover the machine is shut down, the last changes are copied and the machine is converted and started on OpenShift.',
          )}
        </Content>
        <TipList
          items={[
            t('Use it for large disks when the downtime must be short.'),
            t('Available for VMware vSphere and Red Hat Virtualization sources.'),
            t(
              'vSphere machines need changed block tracking (CBT) enabled and no existing snapshots, and the provider needs a VDDK image.',
            ),
            t(
              'Schedule the cutover for a quiet time: until then the machine keeps running on the source.',
            ),
          ]}
        />
      </TipSection>
      <TipSection title={t('Live migration')}>
        <Content component="p">
          {t(
            'For machines that already run on OpenShift Virtualization: the running machine is moved to another cluster and keeps running while its state is synchronized.',
          )}
        </Content>
        <TipList
          items={[
            t('Use it to move machines between OpenShift clusters without downtime.'),
            t(
              'Both clusters need the decentralized live migration feature of OpenShift Virtualization, and the feature must be enabled for the migration service.',
            ),
            t('The machine must be running and its storage must support live migration.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Key terms')}>
        <TipTerms
          terms={[
            {
              term: t('Precopy'),
              definition: t(
                'One pass of a warm migration that copies what changed since the previous snapshot.',
              ),
            },
            {
              term: t('Cutover'),
              definition: t(
                'The moment a warm migration stops the source machine and finishes the copy. You set it on the plan.',
              ),
            },
            {
              term: t('Changed block tracking (CBT)'),
              definition: t(
                'A vSphere feature that records which disk blocks changed, so that a precopy copies only those.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Considerations')}>
        <TipList
          items={[
            t(
              'Every precopy adds a snapshot on the source, and vSphere limits how many snapshots a disk can have. Do not leave a warm migration running for days before the cutover.',
            ),
            t(
              'Warm migrations use more resources on the source and on the target for longer; cold migrations are easier to plan.',
            ),
            t('Machines with shared disks are better migrated cold.'),
          ]}
        />
      </TipSection>
    </Stack>
  );
};
