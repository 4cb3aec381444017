// The create form as plain data: what it starts from, and the request it sends to the BFF
// (POST /api/v1/namespaces/:namespace/providers, apps/bff/src/providers/create-routes.ts).
import type { CreatableProviderType, CreateProviderRequest } from '@forklift-console/api';
import { providerTypeInfo } from '../../utils/provider-types.ts';

export type SdkEndpoint = 'vcenter' | 'esxi';
export type VddkMode = 'image' | 'skip';
/** A custom CA, the system's CAs, or no verification at all. */
export type CertificateMode = 'custom' | 'system' | 'skip';

export type ProviderFormValues = {
  namespace: string;
  type: CreatableProviderType | undefined;
  name: string;
  url: string;
  sdkEndpoint: SdkEndpoint;
  vddkMode: VddkMode;
  vddkInitImage: string;
  username: string;
  password: string;
  token: string;
  certificateMode: CertificateMode;
  caCertificate: string;
  /** OVA: let users upload .ova files into the share from the console. */
  applianceManagement: boolean;
};

export type ProviderFormField = keyof ProviderFormValues;

/** Where Forklift is installed: the project for providers when no project is chosen. */
export const DEFAULT_PROVIDER_PROJECT = 'openshift-mtv';

export const isCreatableType = (type: string | null | undefined): type is CreatableProviderType => {
  const info = providerTypeInfo(type ?? undefined);
  return info?.creatable === true;
};

/** `requestedType` comes from `?providerType=`; one this form cannot create is ignored. */
export const initialProviderForm = (
  activeNamespace: string | undefined,
  requestedType: string | null,
): ProviderFormValues => ({
  namespace: activeNamespace ?? DEFAULT_PROVIDER_PROJECT,
  type: isCreatableType(requestedType) ? requestedType : undefined,
  name: '',
  url: '',
  sdkEndpoint: 'vcenter',
  vddkMode: 'image',
  vddkInitImage: '',
  username: '',
  password: '',
  token: '',
  certificateMode: 'custom',
  caCertificate: '',
  applianceManagement: false,
});

/** OpenShift without a URL is this cluster: nothing to sign in to or verify. */
export const isRemoteOpenshift = (values: ProviderFormValues): boolean =>
  values.type === 'openshift' && values.url.trim() !== '';

export const usesCertificate = (values: ProviderFormValues): boolean =>
  values.type === 'vsphere' || isRemoteOpenshift(values);

const certificateCredentials = (values: ProviderFormValues): Record<string, string> => ({
  insecureSkipVerify: values.certificateMode === 'skip' ? 'true' : 'false',
  ...(values.certificateMode === 'custom' ? { cacert: values.caCertificate.trim() } : {}),
});

/** The request for valid values; only what the chosen type uses is sent. */
export const createProviderRequest = (
  values: ProviderFormValues & { type: CreatableProviderType },
): CreateProviderRequest => {
  const base = { name: values.name, type: values.type };
  const url = values.url.trim();
  switch (values.type) {
    case 'vsphere':
      return {
        ...base,
        url,
        settings: {
          sdkEndpoint: values.sdkEndpoint,
          ...(values.vddkMode === 'image' ? { vddkInitImage: values.vddkInitImage.trim() } : {}),
        },
        credentials: {
          user: values.username,
          password: values.password,
          ...certificateCredentials(values),
        },
      };
    case 'ova':
      return {
        ...base,
        url,
        ...(values.applianceManagement ? { settings: { applianceManagement: 'true' } } : {}),
        credentials: {},
      };
    case 'openshift':
      return url
        ? { ...base, url, credentials: { token: values.token, ...certificateCredentials(values) } }
        : { ...base, credentials: {} };
  }
};
