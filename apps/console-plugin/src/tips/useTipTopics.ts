import type { ComponentType, FC } from 'react';
import ServerIcon from '@patternfly/react-icons/dist/esm/icons/server-icon';
import MigrationIcon from '@patternfly/react-icons/dist/esm/icons/migration-icon';
import ExchangeAltIcon from '@patternfly/react-icons/dist/esm/icons/exchange-alt-icon';
import NetworkIcon from '@patternfly/react-icons/dist/esm/icons/network-icon';
import DatabaseIcon from '@patternfly/react-icons/dist/esm/icons/database-icon';
import TachometerAltIcon from '@patternfly/react-icons/dist/esm/icons/tachometer-alt-icon';
import WrenchIcon from '@patternfly/react-icons/dist/esm/icons/wrench-icon';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { TIP_TOPIC_IDS, type TipTopicId } from './tips-state.ts';
import { CreatingProviderTopic } from './topics/CreatingProviderTopic.tsx';
import { MigratingVmsTopic } from './topics/MigratingVmsTopic.tsx';
import { MigrationTypeTopic } from './topics/MigrationTypeTopic.tsx';
import { NetworkMappingTopic } from './topics/NetworkMappingTopic.tsx';
import { StorageMappingTopic } from './topics/StorageMappingTopic.tsx';
import { MigrationOptimizationTopic } from './topics/MigrationOptimizationTopic.tsx';
import { TroubleshootingTopic } from './topics/TroubleshootingTopic.tsx';

export type TipTopic = {
  id: TipTopicId;
  title: string;
  description: string;
  icon: ComponentType;
  content: FC;
};

/** The topics in reading order: the order a newcomer goes through a first migration. */
export const useTipTopics = (): TipTopic[] => {
  const { t } = useForkliftTranslation();
  // A Record, so that a topic id without a topic fails the type check.
  const topics: Record<TipTopicId, Omit<TipTopic, 'id'>> = {
    'creating-provider': {
      title: t('Creating a provider'),
      description: t('Connect a source platform or a target cluster, step by step for each type.'),
      icon: ServerIcon,
      content: CreatingProviderTopic,
    },
    'migrating-vms': {
      title: t('Migrating your virtual machines'),
      description: t(
        'Build a migration plan, from choosing machines to reviewing and starting it.',
      ),
      icon: MigrationIcon,
      content: MigratingVmsTopic,
    },
    'migration-type': {
      title: t('Choosing the right migration type'),
      description: t('Cold, warm or live: what each costs in downtime and when to use it.'),
      icon: ExchangeAltIcon,
      content: MigrationTypeTopic,
    },
    'network-mapping': {
      title: t('Creating a network mapping'),
      description: t('Decide which OpenShift network each source network joins.'),
      icon: NetworkIcon,
      content: NetworkMappingTopic,
    },
    'storage-mapping': {
      title: t('Creating a storage mapping'),
      description: t(
        'Choose the storage class, volume mode and access mode of the migrated disks.',
      ),
      icon: DatabaseIcon,
      content: StorageMappingTopic,
    },
    'migration-optimization': {
      title: t('Optimizing migration speed'),
      description: t('VDDK, storage offload, the source network and raw copy mode.'),
      icon: TachometerAltIcon,
      content: MigrationOptimizationTopic,
    },
    troubleshooting: {
      title: t('Troubleshooting'),
      description: t('Follow a migration, read the right logs and collect must-gather.'),
      icon: WrenchIcon,
      content: TroubleshootingTopic,
    },
  };
  return TIP_TOPIC_IDS.map((id) => ({ id, ...topics[id] }));
};
