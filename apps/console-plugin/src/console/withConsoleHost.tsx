// Inside the OpenShift console: the active project comes from the console SDK and the BFF is
// reached through the console's plugin proxy.
import type { FC } from 'react';
import { useActiveNamespace } from '@openshift-console/dynamic-plugin-sdk';
import { PageProviders } from '../components/PageProviders.tsx';
import { TipsProvider } from '../tips/TipsContext.tsx';
import { TipsDrawer } from '../tips/TipsDrawer.tsx';
import { BFF_PROXY_URL } from './bff-proxy.ts';

const ALL_NAMESPACES_KEY = '#ALL_NS#';

export const withConsoleHost = (Page: FC): FC => {
  const ConsolePage: FC = () => {
    const [activeNamespace] = useActiveNamespace();
    const host = {
      activeNamespace: activeNamespace === ALL_NAMESPACES_KEY ? undefined : activeNamespace,
      bffBaseUrl: BFF_PROXY_URL,
    };
    return (
      <PageProviders host={host}>
        <TipsProvider>
          <TipsDrawer>
            <Page />
          </TipsDrawer>
        </TipsProvider>
      </PageProviders>
    );
  };
  ConsolePage.displayName = `Console(${Page.displayName ?? Page.name})`;
  return ConsolePage;
};
