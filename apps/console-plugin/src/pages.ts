// The pages the plugin exposes, by the names console-extensions.json uses in its `$codeRef`s
// (`pages.<name>`). Hosts wrap them: src/console/ for the OpenShift console, the standalone shell.
import { OverviewPage } from './overview/OverviewPage.tsx';
import { ProvidersListPage } from './providers/list/ProvidersListPage.tsx';
import { ProviderCreatePage } from './providers/create/ProviderCreatePage.tsx';
import { ProviderDetailsPage } from './providers/details/ProviderDetailsPage.tsx';
import { PlansListPage } from './plans/list/PlansListPage.tsx';
import { PlanDetailsPage } from './plans/details/PlanDetailsPage.tsx';
import { NetworkMapsListPage } from './networkMaps/list/NetworkMapsListPage.tsx';
import { NetworkMapCreatePage } from './networkMaps/create/NetworkMapCreatePage.tsx';
import { NetworkMapYamlCreatePage } from './networkMaps/create/NetworkMapYamlCreatePage.tsx';
import { NetworkMapDetailsPage } from './networkMaps/details/NetworkMapDetailsPage.tsx';
import { StorageMapsListPage } from './storageMaps/list/StorageMapsListPage.tsx';
import { StorageMapCreatePage } from './storageMaps/create/StorageMapCreatePage.tsx';
import { StorageMapYamlCreatePage } from './storageMaps/create/StorageMapYamlCreatePage.tsx';
import { StorageMapDetailsPage } from './storageMaps/details/StorageMapDetailsPage.tsx';

export const pages = {
  OverviewPage,
  ProvidersListPage,
  ProviderCreatePage,
  ProviderDetailsPage,
  PlansListPage,
  PlanDetailsPage,
  NetworkMapsListPage,
  NetworkMapCreatePage,
  NetworkMapYamlCreatePage,
  NetworkMapDetailsPage,
  StorageMapsListPage,
  StorageMapCreatePage,
  StorageMapYamlCreatePage,
  StorageMapDetailsPage,
};

export type PageName = keyof typeof pages;
