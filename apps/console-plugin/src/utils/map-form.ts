// The part of both map forms that is not rows: name, project and the two providers, their rules,
// and the map object they make with the rows' entries.
import {
  dns1123SubdomainError,
  FORKLIFT_API_VERSION,
  type K8sModel,
  type Provider,
} from '@forklift-console/api';

export type MapGeneral = {
  name: string;
  namespace: string;
  /** Providers by `providerKey`: the source is in `namespace`, the target anywhere. */
  sourceProvider: string;
  targetProvider: string;
};

export type MapGeneralErrors = Partial<Record<keyof MapGeneral, string>>;

/** Field problems in English; the form shows the name rule's wording as the API server words it. */
export const mapGeneralErrors = (general: MapGeneral): MapGeneralErrors => {
  const nameError = dns1123SubdomainError(general.name);
  return {
    ...(nameError ? { name: `The name ${nameError}` } : {}),
    ...(general.namespace ? {} : { namespace: 'Choose a project' }),
    ...(general.sourceProvider ? {} : { sourceProvider: 'Choose a source provider' }),
    ...(general.targetProvider ? {} : { targetProvider: 'Choose a target provider' }),
  };
};

/** A map's `spec.provider` reference, as Forklift's own console writes it. */
export const providerReference = (provider: Provider) => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: 'Provider',
  name: provider.metadata?.name ?? '',
  namespace: provider.metadata?.namespace ?? '',
  uid: provider.metadata?.uid ?? '',
});

/** How the forms name a provider: `namespace/name`, since a target may be in another project. */
export const providerKey = (provider: Provider): string =>
  `${provider.metadata?.namespace ?? ''}/${provider.metadata?.name ?? ''}`;

/** The key of the provider a map's `spec.provider` reference names. */
export const referencedProviderKey = (
  reference: { name?: string; namespace?: string } | undefined,
  mapNamespace: string,
): string => (reference?.name ? `${reference.namespace ?? mapNamespace}/${reference.name}` : '');

/** Only OpenShift (KubeVirt) clusters can receive VMs. */
export const isTargetProvider = (provider: Provider): boolean =>
  provider.spec?.type === 'openshift';

export const newMap = <Entry>(
  model: K8sModel,
  general: MapGeneral,
  providers: { source: Provider; destination: Provider },
  map: Entry[],
) => ({
  apiVersion: FORKLIFT_API_VERSION,
  kind: model.kind,
  metadata: { name: general.name, namespace: general.namespace },
  spec: {
    provider: {
      source: providerReference(providers.source),
      destination: providerReference(providers.destination),
    },
    map,
  },
});
