import type { FC } from 'react';
import { Content, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { TipList } from '../TipList.tsx';
import { TipSection } from '../TipSection.tsx';
import { TipTerms } from '../TipTerms.tsx';

export const NetworkMappingTopic: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'A network map tells the migration which network each network interface of a migrated machine joins on OpenShift: the pod network, a secondary network, or none.',
        )}
      </Content>
      <TipSection title={t('Prerequisites')}>
        <TipList
          items={[
            t('A ready source provider and a ready target provider.'),
            t(
              'For secondary networks, a network attachment definition in the target project or in the default project.',
            ),
          ]}
        />
      </TipSection>
      <TipSection title={t('Steps')} isInitiallyExpanded>
        <TipList
          isOrdered
          items={[
            t(
              'On the Network maps page, click Create network map, or create the map inside the plan wizard.',
            ),
            t('Enter a name and choose the project, the source provider and the target provider.'),
            t(
              'Add a row for each source network and choose its target: the pod network, a network attachment definition, or Ignore network.',
            ),
            t('Click Create. The map is ready when both providers and all its networks are found.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Key terms')}>
        <TipTerms
          terms={[
            {
              term: t('Pod network'),
              definition: t(
                'The default network of the cluster. A machine on it gets a cluster address, not its old one.',
              ),
            },
            {
              term: t('Network attachment definition (NAD)'),
              definition: t(
                'A secondary network, provided by Multus, that connects machines to a VLAN or bridge, much like a port group.',
              ),
            },
            {
              term: t('Ignore network'),
              definition: t('The interface is not created on the migrated machine.'),
            },
            {
              term: t('Transfer network'),
              definition: t(
                'A network attachment definition used to copy the disks, which keeps migration traffic off the pod network.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Considerations')}>
        <TipList
          items={[
            t('Every network used by the machines of a plan must be mapped.'),
            t(
              'Only one interface of a machine can use the pod network; map the others to network attachment definitions.',
            ),
            t(
              'A machine with several interfaces on the same source network needs a different target network for each of them.',
            ),
            t(
              'To keep the IP addresses of vSphere machines, map them to a secondary network on the same subnet and keep Preserve static IPs on.',
            ),
            t(
              'A map chosen in the plan wizard is copied and owned by the plan; changing the original later does not change the plan.',
            ),
          ]}
        />
      </TipSection>
    </Stack>
  );
};
