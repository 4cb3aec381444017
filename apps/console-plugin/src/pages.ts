// The pages the plugin exposes, by the names console-extensions.json uses in its `$codeRef`s
// (`pages.<name>`). Hosts wrap them: src/console/ for the OpenShift console, the standalone shell.
import { OverviewPage } from './overview/OverviewPage.tsx';
import { ProvidersListPage } from './providers/list/ProvidersListPage.tsx';
import { ProviderCreatePage } from './providers/create/ProviderCreatePage.tsx';
import { ProviderDetailsPage } from './providers/details/ProviderDetailsPage.tsx';
import { createElement, type FC } from 'react';
import { PlansListPage } from './plans/list/PlansListPage.tsx';
import { PlanDetailsPage as PlanDetailsView } from './plans/details/PlanDetailsPage.tsx';
import { PlanCreatePage as PlanWizardPage } from './plans/create/PlanCreatePage.tsx';
import type { WizardMapKinds } from './plans/create/utils/wizard-map-kinds.ts';
import { networkMapKind } from './networkMaps/network-map-kind.ts';
import { storageMapKind } from './storageMaps/storage-map-kind.ts';
import { NetworkMapsListPage } from './networkMaps/list/NetworkMapsListPage.tsx';
import { NetworkMapCreatePage } from './networkMaps/create/NetworkMapCreatePage.tsx';
import { NetworkMapYamlCreatePage } from './networkMaps/create/NetworkMapYamlCreatePage.tsx';
import { NetworkMapDetailsPage } from './networkMaps/details/NetworkMapDetailsPage.tsx';
import { StorageMapsListPage } from './storageMaps/list/StorageMapsListPage.tsx';
import { StorageMapCreatePage } from './storageMaps/create/StorageMapCreatePage.tsx';
import { StorageMapYamlCreatePage } from './storageMaps/create/StorageMapYamlCreatePage.tsx';
import { StorageMapDetailsPage } from './storageMaps/details/StorageMapDetailsPage.tsx';

// The wizard and the plan's Mappings tab reuse the map features' rows, editors and tables; they
// handle them without their row types.
const planWizardMapKinds = {
  network: networkMapKind,
  storage: storageMapKind,
} as unknown as WizardMapKinds;

const PlanCreatePage: FC = () => createElement(PlanWizardPage, { mapKinds: planWizardMapKinds });
const PlanDetailsPage: FC = () => createElement(PlanDetailsView, { mapKinds: planWizardMapKinds });

export const pages = {
  OverviewPage,
  ProvidersListPage,
  ProviderCreatePage,
  ProviderDetailsPage,
  PlansListPage,
  PlanDetailsPage,
  PlanCreatePage,
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
