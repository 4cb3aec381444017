import { useState, type FC } from 'react';
import { DescriptionList, Stack, StackItem, Title } from '@patternfly/react-core';
import { Link } from 'react-router';
import { ProviderModel } from '@forklift-console/api';
import { ConditionsTable } from '../../../../components/ConditionsTable.tsx';
import { NotBuiltYetNotice } from '../../../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { resourceListPath } from '../../../../utils/resource-paths.ts';
import { PlanMigrationStatusCell } from '../../../components/PlanMigrationStatusCell.tsx';
import { usePlanStatusFacts } from '../../../hooks/usePlanStatusFacts.ts';
import { usePlanEditGate } from '../../hooks/usePlanEditGate.ts';
import { usePlanSettingTexts } from '../../hooks/usePlanSettingTexts.ts';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';
import { settingApplies, type PlanSettingKey } from '../../utils/plan-settings.ts';
import { EditableDetailItem } from './EditableDetailItem.tsx';
import { EditPlanSettingModal } from './EditPlanSettingModal.tsx';
import { MigrationHistoryTable } from './MigrationHistoryTable.tsx';

const GENERAL: readonly PlanSettingKey[] = ['type', 'targetNamespace', 'description'];

// Forklift's order of the Plan settings section (reference ui.md §2.7).
const SETTINGS: readonly PlanSettingKey[] = [
  'diskDecryption',
  'rootDisk',
  'migrateSharedDisks',
  'pvcNameTemplate',
  'transferNetwork',
  'volumeNameTemplate',
  'preserveStaticIPs',
  'networkNameTemplate',
  'preserveClusterCpuModel',
  'xfsCompatibility',
  'skipGuestConversion',
  'useCompatibilityMode',
  'targetPowerState',
  'targetLabels',
  'targetNodeSelector',
  'convertorLabels',
  'convertorNodeSelector',
];

/** The plan's details and every setting with its modal, its migration history and conditions. */
export const PlanDetailsTab: FC<PlanTabProps> = ({ plan, inventory }) => {
  const { t } = useForkliftTranslation();
  const { texts, display } = usePlanSettingTexts();
  const editDisabledReason = usePlanEditGate(plan);
  const statusFacts = usePlanStatusFacts(plan);
  const [editing, setEditing] = useState<PlanSettingKey>();
  const { sourceType } = inventory;
  const { name = '', namespace = '', creationTimestamp, ownerReferences } = plan.metadata ?? {};
  const providers = plan.spec?.provider;
  const providerLink = (ref: { name?: string; namespace?: string } | undefined) =>
    ref?.name ? (
      <Link to={`${resourceListPath(ProviderModel, ref.namespace ?? namespace)}/${ref.name}`}>
        {ref.name}
      </Link>
    ) : (
      '-'
    );
  const settingItem = (key: PlanSettingKey) => (
    <EditableDetailItem
      key={key}
      term={texts[key].label}
      testId={`plan-setting-${key}`}
      onEdit={() => setEditing(key)}
      disabledReason={editDisabledReason}
    >
      {display(plan, key)}
    </EditableDetailItem>
  );

  return (
    <Stack hasGutter>
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Plan details')}
        </Title>
        <DescriptionList columnModifier={{ default: '2Col' }}>
          <EditableDetailItem term={t('Status')} testId="plan-detail-status">
            <PlanMigrationStatusCell
              plan={plan}
              facts={statusFacts}
              sourceType={sourceType}
              offerStart={false}
              statusTestId="plan-detail-status-label"
            />
          </EditableDetailItem>
          <EditableDetailItem term={t('Name')} testId="plan-detail-name">
            {name}
          </EditableDetailItem>
          <EditableDetailItem term={t('Plan project')} testId="plan-detail-namespace">
            {namespace}
          </EditableDetailItem>
          {GENERAL.filter((key) => settingApplies(key, sourceType)).map(settingItem)}
          <EditableDetailItem term={t('Created at')} testId="plan-detail-created">
            {creationTimestamp ? new Date(creationTimestamp).toLocaleString() : '-'}
          </EditableDetailItem>
          <EditableDetailItem term={t('Owner')} testId="plan-detail-owner">
            {ownerReferences?.[0]?.name ?? t('No owner')}
          </EditableDetailItem>
        </DescriptionList>
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Providers')}
        </Title>
        <DescriptionList columnModifier={{ default: '2Col' }}>
          <EditableDetailItem term={t('Source provider')} testId="plan-source-provider">
            {providerLink(providers?.source)}
            {sourceType && ` (${sourceType})`}
          </EditableDetailItem>
          <EditableDetailItem term={t('Target provider')} testId="plan-target-provider">
            {providerLink(providers?.destination)}
          </EditableDetailItem>
        </DescriptionList>
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Plan settings')}
        </Title>
        <DescriptionList columnModifier={{ default: '2Col' }}>
          {SETTINGS.filter((key) => settingApplies(key, sourceType, plan.spec?.type)).map(
            settingItem,
          )}
        </DescriptionList>
        <div className="pf-v6-u-mt-md">
          <NotBuiltYetNotice
            missing={t(
              'Affinity rules (VM target and convertor pod) and new LUKS passphrases are edited in the YAML tab for now.',
            )}
          />
        </div>
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Migration history')}
        </Title>
        <MigrationHistoryTable plan={plan} />
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Conditions')}
        </Title>
        <ConditionsTable
          conditions={plan.status?.conditions ?? []}
          emptyMessage={t('The plan controller has not validated this plan yet.')}
        />
      </StackItem>
      {editing && (
        <EditPlanSettingModal
          plan={plan}
          setting={editing}
          sourceType={sourceType}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Stack>
  );
};
