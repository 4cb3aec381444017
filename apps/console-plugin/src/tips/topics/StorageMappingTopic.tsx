import type { FC } from 'react';
import { Content, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { TipList } from '../TipList.tsx';
import { TipSection } from '../TipSection.tsx';
import { TipTerms } from '../TipTerms.tsx';

export const StorageMappingTopic: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'A storage map tells the migration which storage class to create the disks in. Each source storage (a vSphere datastore, a Red Hat Virtualization storage domain, an OpenStack volume type or an OpenShift storage class) gets a target storage class.',
        )}
      </Content>
      <TipSection title={t('Prerequisites')}>
        <TipList
          items={[
            t('A ready source provider and a ready target provider.'),
            t(
              'Storage classes on the target cluster that provision volumes dynamically and have room for the disks.',
            ),
          ]}
        />
      </TipSection>
      <TipSection title={t('Steps')} isInitiallyExpanded>
        <TipList
          isOrdered
          items={[
            t(
              'On the Storage maps page, click Create storage map, or create the map inside the plan wizard.',
            ),
            t('Enter a name and choose the project, the source provider and the target provider.'),
            t('Add a row for each source storage and choose its target storage class.'),
            t(
              'Optionally open the advanced options of a row to set the access mode, or the offload options for vSphere.',
            ),
            t('Click Create.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Key terms')}>
        <TipTerms
          terms={[
            {
              term: t('Storage class'),
              definition: t('A kind of storage the cluster can provision volumes from.'),
            },
            {
              term: t('Persistent volume claim (PVC)'),
              definition: t(
                'The request for a volume. Each migrated disk becomes one claim in the target project.',
              ),
            },
            {
              term: t('Volume mode'),
              definition: t(
                'Filesystem stores the disk as an image file on a file system; Block gives the machine the raw device, without file system overhead.',
              ),
            },
            {
              term: t('Access mode'),
              definition: t(
                'ReadWriteOnce lets one node use the volume; ReadWriteMany lets several nodes use it, which live migration inside the cluster needs; ReadOnlyMany is read-only.',
              ),
            },
            {
              term: t('Dynamic provisioning'),
              definition: t(
                'The storage class creates a volume whenever a claim asks for one, so no volumes need to be prepared by hand.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Considerations')}>
        <TipList
          items={[
            t('Every storage used by the disks of the machines of a plan must be mapped.'),
            t(
              'Leave the access mode at its default unless you need a specific one: the storage profile of the class then picks the best it supports.',
            ),
            t(
              'ReadWriteOnce on a class that supports ReadWriteMany prevents live migrating the machine between nodes later.',
            ),
            t(
              'Filesystem volumes are created somewhat larger than the disk, to leave room for file system overhead.',
            ),
            t(
              'Faster storage classes shorten the copy. Map busy or latency sensitive disks to the best storage you have.',
            ),
          ]}
        />
      </TipSection>
    </Stack>
  );
};
