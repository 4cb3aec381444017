import { useState, type FC } from 'react';
import { Button, DescriptionList, Label, Stack, StackItem, Title } from '@patternfly/react-core';
import ExternalLinkAltIcon from '@patternfly/react-icons/dist/esm/icons/external-link-alt-icon';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import { Link } from 'react-router';
import type { Provider } from '@forklift-console/api';
import { ConditionsTable } from '../../../../components/ConditionsTable.tsx';
import { StatusCell } from '../../../../components/StatusCell.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { summarizeStatus } from '../../../../utils/resource-status.ts';
import { providerTypeInfo } from '../../../utils/provider-types.ts';
import { DetailItem } from '../../components/DetailItem.tsx';
import { useProviderInventory } from '../../hooks/useProviderInventory.ts';
import { externalUiLink } from '../../utils/external-ui.ts';
import { providerDetailsPath, providerTabsFor } from '../../utils/provider-tabs.ts';
import { ExternalUiLinkModal } from './ExternalUiLinkModal.tsx';
import { InventoryCounts, type VsphereSummary } from './InventoryCounts.tsx';

export const DetailsTab: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const [editingLink, setEditingLink] = useState(false);
  const { name = '', namespace = '', creationTimestamp } = provider.metadata ?? {};
  const { type, url, settings, secret } = provider.spec ?? { type: '', secret: {} };
  const isVsphere = type === 'vsphere';
  // The counts shown are vSphere's; other types' summaries are not read.
  const summary = useProviderInventory<VsphereSummary>(provider, '', isVsphere);
  const link = externalUiLink(provider);

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
          <DetailItem term={t('Created')} testId="details-created">
            {creationTimestamp ? new Date(creationTimestamp).toLocaleString() : '-'}
          </DetailItem>
          <DetailItem term={t('URL')} testId="details-url">
            {url || '-'}
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
              onClick={() => setEditingLink(true)}
              data-testid="edit-external-ui"
            />
          </DetailItem>
          {providerTabsFor(type).includes('credentials') && (
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
      {isVsphere && (
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
      {editingLink && (
        <ExternalUiLinkModal provider={provider} onClose={() => setEditingLink(false)} />
      )}
    </Stack>
  );
};
