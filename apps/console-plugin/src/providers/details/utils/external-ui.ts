// A provider's own web console, linked from the Details tab. Users may set it in the
// `forklift.konveyor.io/providerUI` annotation; otherwise it is derived from the API URL the way
// each product publishes its console.
import type { Provider } from '@forklift-console/api';

export const PROVIDER_UI_ANNOTATION = 'forklift.konveyor.io/providerUI';

const hostOf = (url: string | undefined): URL | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

/** The console a provider's URL implies, or undefined when its type publishes none we know. */
export const defaultExternalUiLink = (
  type: string | undefined,
  url: string | undefined,
): string | undefined => {
  const parsed = hostOf(url);
  if (!parsed) return undefined;
  const { hostname } = parsed;
  switch (type) {
    case 'vsphere':
      return `https://${hostname}/ui`;
    case 'ovirt':
      return `https://${hostname}/ovirt-engine/webadmin`;
    case 'openstack':
      return `https://${hostname}/dashboard`;
    case 'openshift':
      // The API answers at api.<cluster domain>; the web console at console-openshift-console.apps.…
      return hostname.startsWith('api.')
        ? `https://console-openshift-console.apps.${hostname.slice('api.'.length)}`
        : undefined;
    default:
      return undefined;
  }
};

/** The link to show: the annotation when set, else the default. */
export const externalUiLink = (provider: Provider): string | undefined =>
  provider.metadata?.annotations?.[PROVIDER_UI_ANNOTATION] ||
  defaultExternalUiLink(provider.spec?.type, provider.spec?.url);

/** Whether a typed link can be stored: an absolute http(s) URL. */
export const isValidExternalUiLink = (link: string): boolean => {
  const parsed = hostOf(link.trim());
  return parsed !== undefined && ['http:', 'https:'].includes(parsed.protocol);
};
