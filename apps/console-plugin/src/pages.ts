// The pages the plugin exposes, by the names console-extensions.json uses in its `$codeRef`s
// (`pages.<name>`). Hosts wrap them: src/console/ for the OpenShift console, the standalone shell.
import { OverviewPage } from './overview/OverviewPage.tsx';
import { ProvidersListPage } from './providers/list/ProvidersListPage.tsx';
import { ProviderCreatePage } from './providers/create/ProviderCreatePage.tsx';
import { ProviderDetailsPage } from './providers/details/ProviderDetailsPage.tsx';
import { PlansListPage } from './plans/list/PlansListPage.tsx';
import { NetworkMapsListPage } from './networkMaps/list/NetworkMapsListPage.tsx';
import { StorageMapsListPage } from './storageMaps/list/StorageMapsListPage.tsx';

export const pages = {
  OverviewPage,
  ProvidersListPage,
  ProviderCreatePage,
  ProviderDetailsPage,
  PlansListPage,
  NetworkMapsListPage,
  StorageMapsListPage,
};

export type PageName = keyof typeof pages;
