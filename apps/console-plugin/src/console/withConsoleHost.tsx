// Inside the OpenShift console: the active project comes from the console SDK and the BFF is
// reached through the console's plugin proxy (alias `forklift-bff` in the ConsolePlugin resource).
import type { FC } from 'react';
import { useActiveNamespace } from '@openshift-console/dynamic-plugin-sdk';
import { PageProviders } from '../components/PageProviders.tsx';

const ALL_NAMESPACES_KEY = '#ALL_NS#';
const BFF_PROXY_URL = '/api/proxy/plugin/forklift-console-plugin/forklift-bff';

export const withConsoleHost = (Page: FC): FC => {
  const ConsolePage: FC = () => {
    const [activeNamespace] = useActiveNamespace();
    const host = {
      activeNamespace: activeNamespace === ALL_NAMESPACES_KEY ? undefined : activeNamespace,
      bffBaseUrl: BFF_PROXY_URL,
    };
    return (
      <PageProviders host={host}>
        <Page />
      </PageProviders>
    );
  };
  ConsolePage.displayName = `Console(${Page.displayName ?? Page.name})`;
  return ConsolePage;
};
