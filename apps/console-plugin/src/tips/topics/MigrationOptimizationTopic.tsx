import type { FC } from 'react';
import { Content, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { TipList } from '../TipList.tsx';
import { TipSection } from '../TipSection.tsx';
import { TipTerms } from '../TipTerms.tsx';

export const MigrationOptimizationTopic: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'Most of a migration is spent copying disks. These settings decide how fast the data moves from the source to the target storage.',
        )}
      </Content>
      <TipSection title={t('VMware VDDK')} isInitiallyExpanded>
        <TipList
          items={[
            t(
              'Give every vSphere provider a VDDK image: disks are then read with the VMware library instead of a slower generic path.',
            ),
            t('Warm migration from vSphere requires a VDDK image.'),
            t('Turn on VDDK async IO optimization on the provider to read several blocks at once.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Storage offload')}>
        <TipList
          items={[
            t(
              'When the source datastore and the target storage class are on arrays of the same vendor, the array can copy the disks itself, without sending the data over the network.',
            ),
            t(
              'Set it per row of a storage map, in the offload options: the offload plugin, the Secret with the storage credentials and the storage product.',
            ),
            t(
              'Supported products include NetApp ONTAP, Pure FlashArray, Dell PowerMax, PowerFlex and PowerStore, HPE Primera and 3PAR, IBM FlashSystem, Hitachi Vantara and Infinidat InfiniBox.',
            ),
            t(
              'A plan cannot mix offloaded disks with disks copied through VDDK on the same machine.',
            ),
          ]}
        />
      </TipSection>
      <TipSection title={t('Source provider network')}>
        <TipList
          items={[
            t(
              'For vSphere, choose a fast migration network for each ESXi host on the Hosts tab of the provider, so that disks are read over that network instead of the management network.',
            ),
            t(
              'On the target, a transfer network keeps the copy traffic off the pod network; choose it in the plan settings or as the controller default.',
            ),
            t('Keep the source, the network and the target storage on links of similar speed.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Raw copy mode')}>
        <TipList
          items={[
            t(
              'Raw copy mode copies the disks as they are and skips guest conversion, which saves the conversion time.',
            ),
            t(
              'Use it only for guests that already run on KVM, with VirtIO drivers installed, because nothing is changed inside the guest.',
            ),
          ]}
        />
      </TipSection>
      <TipSection title={t('Key terms')}>
        <TipTerms
          terms={[
            {
              term: t('Guest conversion'),
              definition: t(
                'The virt-v2v step that adapts a guest to KVM: drivers, boot configuration and guest agent.',
              ),
            },
            {
              term: t('XCOPY'),
              definition: t(
                'A storage command that tells an array to copy data internally; storage offload for vSphere relies on it.',
              ),
            },
            {
              term: t('Maximum concurrent VM migrations'),
              definition: t(
                'How many machines migrate at the same time across the cluster; 20 by default, set in the Overview settings.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Considerations')}>
        <TipList
          items={[
            t(
              'Raising the number of concurrent migrations helps only while the source hosts, the network and the target storage keep up.',
            ),
            t(
              'Guest conversion needs CPU and memory on the target nodes; the conversion appliance memory and vCPUs can be raised in the Overview settings.',
            ),
            t(
              'Watch the network and storage throughput charts on the Overview page while a migration runs, to find the bottleneck.',
            ),
          ]}
        />
      </TipSection>
    </Stack>
  );
};
