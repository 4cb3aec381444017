import type { FC } from 'react';
import { Content, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { TipList } from '../TipList.tsx';
import { TipSection } from '../TipSection.tsx';
import { TipTerms } from '../TipTerms.tsx';

export const MigratingVmsTopic: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'A migration plan names the virtual machines to move, where they come from, the project they go to, and how their networks and disks are mapped. Starting the plan runs a migration; a plan can be started again for the machines that failed.',
        )}
      </Content>
      <TipSection title={t('Steps')} isInitiallyExpanded>
        <TipList
          isOrdered
          items={[
            t('On the Migration plans page, click Create plan.'),
            t(
              'General: enter a plan name, unique across all projects, and choose the plan project, the source provider, the target provider and the target project.',
            ),
            t(
              'Virtual machines: select the machines to migrate. vSphere machines are shown in their folders; other sources show a flat list.',
            ),
            t(
              'Network map: use an existing network map or create one. Every network the selected machines use needs a target.',
            ),
            t(
              'Storage map: use an existing storage map or create one. Every datastore or storage domain the selected machines use needs a storage class.',
            ),
            t('Migration type: choose cold, warm or live, when the source offers more than cold.'),
            t(
              'Other settings (optional): disk decryption passphrases, a transfer network, static IP preservation, the root device, the target power state and instance types.',
            ),
            t('Hooks (optional): Ansible playbooks to run before or after each machine migrates.'),
            t('Review and create, then start the plan from its details page.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Key terms')}>
        <TipTerms
          terms={[
            {
              term: t('Migration plan'),
              definition: t(
                'The description of a migration: providers, virtual machines, maps, migration type and settings.',
              ),
            },
            {
              term: t('Migration'),
              definition: t(
                'One run of a plan. The plan keeps the history of its runs and the progress of each machine.',
              ),
            },
            {
              term: t('Target project'),
              definition: t(
                'The project on the target cluster where the migrated virtual machines and their disks are created.',
              ),
            },
            {
              term: t('Concern'),
              definition: t(
                'A finding of the inventory about a virtual machine. Critical concerns block the migration; warnings and information do not.',
              ),
            },
            {
              term: t('Hook'),
              definition: t(
                'An Ansible playbook run in a pod before or after a machine migrates, for example to quiesce an application.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Considerations')}>
        <TipList
          items={[
            t(
              'Resolve critical concerns before you start: a plan with blocked machines cannot start.',
            ),
            t(
              'Names that are not valid Kubernetes names are adjusted automatically. The original name stays visible as the display name of the machine.',
            ),
            t(
              'Up to 20 machines migrate at the same time by default; the rest wait. Administrators can change this in the Overview settings.',
            ),
            t(
              'By default the migrated machine gets the power state the source had; you can choose powered on or powered off instead.',
            ),
            t(
              'The source machines are not deleted. Check the migrated machines before you retire the originals.',
            ),
          ]}
        />
      </TipSection>
    </Stack>
  );
};
