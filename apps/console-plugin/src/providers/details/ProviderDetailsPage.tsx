import type { FC } from 'react';
import { PageSection, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { LoadingSpinner } from '../../components/LoadingSpinner.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { BffError } from '../../utils/bff.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { ProviderPageHeader } from './components/ProviderPageHeader.tsx';
import { DetailsTab } from './tabs/details/DetailsTab.tsx';
import { ProviderYamlTab } from './tabs/yaml/ProviderYamlTab.tsx';
import { CredentialsTab } from './tabs/credentials/CredentialsTab.tsx';
import { VirtualMachinesTab } from './tabs/vms/VirtualMachinesTab.tsx';
import { HostsTab } from './tabs/hosts/HostsTab.tsx';
import { NetworksTab } from './tabs/networks/NetworksTab.tsx';
import {
  providerDetailsPath,
  providerTabOf,
  providerTabsFor,
  type ProviderTabKey,
} from './utils/provider-tabs.ts';

const TAB_CONTENT: Record<ProviderTabKey, FC<{ provider: Provider }>> = {
  details: DetailsTab,
  yaml: ProviderYamlTab,
  credentials: CredentialsTab,
  vms: VirtualMachinesTab,
  hosts: HostsTab,
  networks: NetworksTab,
};

export const ProviderDetailsPage: FC = () => {
  const { t } = useForkliftTranslation();
  const { namespace = '', name = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const {
    data: provider,
    error,
    isPending,
  } = useResource<Provider>(ProviderModel, namespace, name);

  if (isPending) {
    return <LoadingSpinner />;
  }
  if (error) {
    return (
      <>
        <PageTitle title={name} actions={<TipsButton />} />
        <PageSection>
          <LoadErrorAlert
            title={
              error instanceof BffError && error.status === 404
                ? t('The provider does not exist')
                : t('Could not load the provider')
            }
            error={error}
            testId="provider-load-error"
          />
        </PageSection>
      </>
    );
  }

  const tabs = providerTabsFor(provider.spec);
  const requested = providerTabOf(pathname);
  const active = tabs.includes(requested) ? requested : 'details';
  const titles: Record<ProviderTabKey, string> = {
    details: t('Details'),
    yaml: t('YAML'),
    credentials: t('Credentials'),
    vms: t('Virtual machines'),
    hosts: t('ESXi hosts'),
    networks: t('Networks'),
  };

  return (
    <>
      <ProviderPageHeader provider={provider} />
      <PageSection type="tabs">
        <Tabs
          activeKey={active}
          onSelect={(_event, key) =>
            navigate(providerDetailsPath(namespace, name, key as ProviderTabKey))
          }
          aria-label={t('Provider tabs')}
          usePageInsets
          mountOnEnter
          unmountOnExit
        >
          {tabs.map((key) => {
            const Content = TAB_CONTENT[key];
            return (
              <Tab
                key={key}
                eventKey={key}
                title={<TabTitleText>{titles[key]}</TabTitleText>}
                data-testid={`provider-tab-${key}`}
              >
                <PageSection>
                  <Content provider={provider} />
                </PageSection>
              </Tab>
            );
          })}
        </Tabs>
      </PageSection>
    </>
  );
};
