// Where the provider pages live in the console; the details page owns its tab paths.
import { ProviderModel } from '@forklift-console/api';
import { resourceListPath } from '../../utils/resource-paths.ts';

/** The create form for a project, or for All projects (the form then offers a default project). */
export const providerCreatePath = (namespace: string | undefined): string =>
  `${resourceListPath(ProviderModel, namespace)}/~new`;
