// The module the OpenShift console loads (exposed as `pages`): every page, wrapped for the console.
import { pages } from '../pages.ts';
import { withConsoleHost } from './withConsoleHost.tsx';

export const OverviewPage = withConsoleHost(pages.OverviewPage);
export const ProvidersListPage = withConsoleHost(pages.ProvidersListPage);
export const ProviderCreatePage = withConsoleHost(pages.ProviderCreatePage);
export const ProviderDetailsPage = withConsoleHost(pages.ProviderDetailsPage);
export const PlansListPage = withConsoleHost(pages.PlansListPage);
export const NetworkMapsListPage = withConsoleHost(pages.NetworkMapsListPage);
export const StorageMapsListPage = withConsoleHost(pages.StorageMapsListPage);
