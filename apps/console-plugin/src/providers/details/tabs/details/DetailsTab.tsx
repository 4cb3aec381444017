import { useState, type FC } from 'react';
import {
  Alert,
  Button,
  DescriptionList,
  Label,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import ExternalLinkAltIcon from '@patternfly/react-icons/dist/esm/icons/external-link-alt-icon';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import { Link } from 'react-router';
import { isHostProvider, ProviderModel, type Provider } from '@forklift-console/api';
import { ConditionsTable } from '../../../../components/ConditionsTable.tsx';
import { StatusCell } from '../../../../components/StatusCell.tsx';
import { useAccessReview } from '../../../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { summarizeStatus } from '../../../../utils/resource-status.ts';
import { providerTypeInfo } from '../../../utils/provider-types.ts';
import { DetailItem } from '../../components/DetailItem.tsx';
import { useProviderInventory } from '../../hooks/useProviderInventory.ts';
import { externalUiLink } from '../../utils/external-ui.ts';
import { providerDetailsPath, providerTabsFor } from '../../utils/provider-tabs.ts';
import { ExternalUiLinkModal } from './ExternalUiLinkModal.tsx';
import { applianceManagementState } from '../../utils/ova-upload.ts';
import { ApplianceManagementModal } from './ApplianceManagementModal.tsx';
import { TransferNetworkModal } from '../../components/TransferNetworkModal.tsx';
import { TransferNetworkItem } from './TransferNetworkItem.tsx';
import { InventoryCounts, type ProviderSummary } from './InventoryCounts.tsx';
import { OvaUploadSection } from './OvaUploadSection.tsx';

export const DetailsTab: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const [editing, setEditing] = useState<
    'link' | 'appliance-management' | 'transfer-network' | undefined
  >();
  const { name = '', namespace = '', creationTimestamp, ownerReferences } = provider.metadata ?? {};
  const { type, url, settings, secret } = provider.spec ?? { type: '', secret: {} };
  const isVsphere = type === 'vsphere';
  const isOva = type === 'ova';
  const isOpenshift = type === 'openshift';
  const hasInventory = isVsphere || isOva || isOpenshift;
  const summary = useProviderInventory<ProviderSummary>(provider, '', hasInventory);
  const uploads = isOva
    ? applianceManagementState(settings, provider.status?.conditions)
    : 'not-requested';
  const link = externalUiLink(provider);
  // Every dialog here saves a merge patch of the provider.
  const { allowed: mayPatch } = useAccessReview({
    verb: 'patch',
    group: ProviderModel.group,
    resource: ProviderModel.plural,
    namespace,
    name,
  });

  return (
    <Stack hasGutter>
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Provider details')}
        </Title>
        <DescriptionList columnModifier={{ default: '1Col', md: '2Col' }}>
          <DetailItem term={t('Type')} testId="details-type">
            {providerTypeInfo(type)?.label ?? type}
          </DetailItem>
          <DetailItem term={t('Name')} testId="details-name">
            {name}
          </DetailItem>
          <DetailItem term={t('Project')} testId="details-project">
            {namespace}
          </DetailItem>
          <DetailItem term={t('Created at')} testId="details-created">
            {creationTimestamp ? new Date(creationTimestamp).toLocaleString() : '-'}
          </DetailItem>
          <DetailItem term={t('Owner')} testId="details-owner">
            {ownerReferences?.length
              ? ownerReferences.map((owner) => `${owner.kind} ${owner.name}`).join(', ')
              : t('No owner')}
          </DetailItem>
          <DetailItem term={t('URL')} testId="details-url">
            {isHostProvider(provider.spec) ? t('The cluster the console runs on') : url || '-'}
          </DetailItem>
          <DetailItem term={t('Status')} testId="details-status">
            <StatusCell status={summarizeStatus(provider)} />
          </DetailItem>
          {isVsphere && (
            <DetailItem term={t('Product')} testId="details-product">
              {summary.state === 'ready'
                ? summary.data.product || '-'
                : summary.state === 'loading'
                  ? t('Loading the inventory')
                  : '-'}
            </DetailItem>
          )}
          {isVsphere && (
            <DetailItem term={t('VDDK init image')} testId="details-vddk-image">
              {settings?.vddkInitImage || (
                <Label color="orange" isCompact>
                  {t('Empty')}
                </Label>
              )}
            </DetailItem>
          )}
          <DetailItem term={t('External web UI')} testId="details-external-ui">
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {link} <ExternalLinkAltIcon />
              </a>
            ) : (
              '-'
            )}
            <Button
              variant="plain"
              icon={<PencilAltIcon />}
              aria-label={t('Edit the external web UI link')}
              onClick={() => setEditing('link')}
              isDisabled={mayPatch === false}
              data-testid="edit-external-ui"
            />
          </DetailItem>
          {isOva && (
            <DetailItem term={t('Appliance management')} testId="details-appliance-management">
              {settings?.applianceManagement === 'true' ? t('Enabled') : t('Disabled')}
              <Button
                variant="plain"
                icon={<PencilAltIcon />}
                aria-label={t('Edit appliance management')}
                onClick={() => setEditing('appliance-management')}
                isDisabled={mayPatch === false}
                data-testid="edit-appliance-management"
              />
            </DetailItem>
          )}
          {isOpenshift && (
            <TransferNetworkItem
              provider={provider}
              isEditDisabled={mayPatch === false}
              onEdit={() => setEditing('transfer-network')}
            />
          )}
          {providerTabsFor(provider.spec).includes('credentials') && (
            <DetailItem term={t('Credentials')} testId="details-credentials">
              {secret.name ? (
                <Link to={providerDetailsPath(namespace, name, 'credentials')}>{secret.name}</Link>
              ) : (
                t('No Secret')
              )}
            </DetailItem>
          )}
        </DescriptionList>
      </StackItem>
      {uploads !== 'not-requested' && (
        <StackItem>
          <Title headingLevel="h2" className="pf-v6-u-mb-md">
            {t('Upload local OVA files')}
          </Title>
          {uploads === 'enabled' ? (
            <OvaUploadSection provider={provider} />
          ) : (
            <Alert
              variant="info"
              isInline
              title={t('Uploads are turned off for the migration service')}
              data-testid="ova-upload-off"
            >
              {t(
                'This provider allows uploads, but OVA file upload from the console is disabled for the migration service. An administrator can enable it on the Settings tab of the Overview page.',
              )}
            </Alert>
          )}
        </StackItem>
      )}
      {hasInventory && (
        <StackItem>
          <Title headingLevel="h2" className="pf-v6-u-mb-md">
            {t('Provider inventory')}
          </Title>
          <InventoryCounts provider={provider} summary={summary} />
        </StackItem>
      )}
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Conditions')}
        </Title>
        <ConditionsTable
          conditions={provider.status?.conditions ?? []}
          emptyMessage={t('The provider controller has not reported on this provider yet.')}
        />
      </StackItem>
      {editing === 'link' && (
        <ExternalUiLinkModal provider={provider} onClose={() => setEditing(undefined)} />
      )}
      {editing === 'appliance-management' && (
        <ApplianceManagementModal provider={provider} onClose={() => setEditing(undefined)} />
      )}
      {editing === 'transfer-network' && (
        <TransferNetworkModal provider={provider} onClose={() => setEditing(undefined)} />
      )}
    </Stack>
  );
};
