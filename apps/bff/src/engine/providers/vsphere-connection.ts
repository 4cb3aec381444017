// How to reach a vSphere provider, from its spec and the decoded Secret: the SDK URL, credentials
// and TLS trust that both the connection test and the inventory use.
import { createHash } from 'node:crypto';
import type { Provider } from '@forklift-console/api';
import type { TlsOptions } from '@forklift-console/vsphere';
import { parseBool } from './validation.ts';

export type VsphereConnection = {
  sdkUrl: string;
  username: string;
  password: string;
  tls: TlsOptions;
  /** `settings.sdkEndpoint` when set: what the endpoint must be. */
  sdkEndpoint?: string;
};

/** Like govmomi's soap.ParseURL: a URL without a path means the SDK at /sdk. */
export const sdkUrlOf = (url: string): string => {
  const parsed = new URL(url);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/sdk';
  return parsed.toString();
};

export const tlsOptionsOf = (secretData: Record<string, string>): TlsOptions => {
  if (parseBool(secretData.insecureSkipVerify)) return { insecureSkipVerify: true };
  return secretData.cacert ? { ca: secretData.cacert } : {};
};

/** Call only for a provider whose spec and Secret passed validation. */
export const vsphereConnectionOf = (
  provider: Provider,
  secretData: Record<string, string>,
): VsphereConnection => ({
  sdkUrl: sdkUrlOf(provider.spec?.url ?? ''),
  username: secretData.user ?? '',
  password: secretData.password ?? '',
  tls: tlsOptionsOf(secretData),
  ...(provider.spec?.settings?.sdkEndpoint
    ? { sdkEndpoint: provider.spec.settings.sdkEndpoint }
    : {}),
});

/**
 * Names what an inventory was started with, so that a changed URL, setting or credential starts a
 * new one. Hashed: the registry keeps the key, and the key must not keep the password.
 */
export const inventoryKeyOf = (provider: Provider, secretData: Record<string, string>): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        provider.spec?.url ?? '',
        Object.entries(provider.spec?.settings ?? {}).sort(),
        Object.entries(secretData).sort(),
      ]),
    )
    .digest('hex');
