import type { FC } from 'react';
import { Stack, Title } from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { TipList } from './TipList.tsx';
import { TipSection } from './TipSection.tsx';
import { TipTerms } from './TipTerms.tsx';

/** The vocabulary and caveats that apply to every topic, below the topic cards. */
export const QuickReference: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <Title headingLevel="h3">{t('Quick reference')}</Title>
      <TipSection title={t('Key terminology')}>
        <TipTerms
          terms={[
            {
              term: t('Cluster'),
              definition: t(
                'A set of machines, called nodes, that run containers and virtual machines together under OpenShift.',
              ),
            },
            {
              term: t('Node'),
              definition: t('One physical or virtual machine of a cluster.'),
            },
            {
              term: t('Container'),
              definition: t(
                'A packaged process with its own file system. Migrated virtual machines run inside pods, next to containers.',
              ),
            },
            {
              term: t('Kubernetes'),
              definition: t(
                'The container platform OpenShift is built on. Providers, plans and maps are Kubernetes resources.',
              ),
            },
            {
              term: t('Provider'),
              definition: t(
                'A source platform to migrate from, or an OpenShift cluster to migrate to.',
              ),
            },
            {
              term: t('Migration plan'),
              definition: t('Which virtual machines to migrate, from where, to where and how.'),
            },
            {
              term: t('Migration types'),
              definition: t(
                'Cold stops the machine before copying; warm copies while it runs and stops it only at cutover; live moves a running machine between OpenShift clusters.',
              ),
            },
            {
              term: t('Cutover'),
              definition: t(
                'The moment a warm migration stops the source machine and copies the last changes.',
              ),
            },
            {
              term: t('Network map'),
              definition: t('Pairs each source network with a network on OpenShift.'),
            },
            {
              term: t('Storage map'),
              definition: t('Pairs each source storage with a storage class on OpenShift.'),
            },
            {
              term: t('Persistent volume (PV)'),
              definition: t(
                'A volume of cluster storage. Each migrated disk is stored on one persistent volume.',
              ),
            },
            {
              term: t('Hook'),
              definition: t('An Ansible playbook run before or after a machine migrates.'),
            },
            {
              term: t('Disk decryption passphrases'),
              definition: t(
                'Passphrases of LUKS encrypted disks, which the conversion needs to open and adapt the guest.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Key considerations')}>
        <TipList
          items={[
            t(
              'Machines whose names are not valid Kubernetes names are renamed automatically; the original name is kept as the display name.',
            ),
            t(
              'Guests with more than one operating system (dual boot) cannot be converted reliably; only one system is adapted.',
            ),
            t(
              'vSphere limits the number of snapshots of a disk. A warm migration adds one per precopy, so plan the cutover early.',
            ),
            t(
              'Install the QEMU guest agent, or let the conversion install it, so that OpenShift can report the IP addresses of the guest and shut it down cleanly.',
            ),
            t(
              'Guests with Measured Boot may refuse to start, because the new virtual hardware changes the measurements. Disable it before migrating.',
            ),
            t(
              'Check that the target storage classes have room for all disks: each disk becomes a persistent volume of at least its size.',
            ),
          ]}
        />
      </TipSection>
    </Stack>
  );
};
