// The module the OpenShift console loads (exposed as `pages`): every page, wrapped for the console.
import { pages } from '../pages.ts';
import { withConsoleHost } from './withConsoleHost.tsx';

export const OverviewPage = withConsoleHost(pages.OverviewPage);
export const ProvidersListPage = withConsoleHost(pages.ProvidersListPage);
export const ProviderCreatePage = withConsoleHost(pages.ProviderCreatePage);
export const ProviderDetailsPage = withConsoleHost(pages.ProviderDetailsPage);
export const PlansListPage = withConsoleHost(pages.PlansListPage);
export const PlanDetailsPage = withConsoleHost(pages.PlanDetailsPage);
export const PlanCreatePage = withConsoleHost(pages.PlanCreatePage);
export const NetworkMapsListPage = withConsoleHost(pages.NetworkMapsListPage);
export const StorageMapsListPage = withConsoleHost(pages.StorageMapsListPage);
export const NetworkMapCreatePage = withConsoleHost(pages.NetworkMapCreatePage);
export const NetworkMapYamlCreatePage = withConsoleHost(pages.NetworkMapYamlCreatePage);
export const NetworkMapDetailsPage = withConsoleHost(pages.NetworkMapDetailsPage);
export const StorageMapCreatePage = withConsoleHost(pages.StorageMapCreatePage);
export const StorageMapYamlCreatePage = withConsoleHost(pages.StorageMapYamlCreatePage);
export const StorageMapDetailsPage = withConsoleHost(pages.StorageMapDetailsPage);
