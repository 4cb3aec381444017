// One check per field of the create form. Each answers the message to show, or undefined.
import {
  CA_CERTIFICATE_MESSAGES,
  caCertificateProblem,
  CREDENTIAL_MESSAGES,
  dns1123SubdomainError,
  hasSpaces,
  NFS_SHARE_MESSAGES,
  parseNfsShare,
  PROVIDER_URL_MESSAGES,
  providerUrlProblem,
} from '@forklift-console/api';
import type { Translate } from '../../utils/translate.ts';
import { isImageReference } from './image-reference.ts';

const parseUrl = (text: string): URL | undefined => {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
};

/** The name rule of Forklift's console: a DNS-1123 label's characters, up to 253 of them. */
export const providerNameError = (
  name: string,
  existingNames: readonly string[],
  namespace: string,
  t: Translate,
): string | undefined => {
  if (name === '') return t('A name is required.');
  if (name.includes('.') || dns1123SubdomainError(name)) {
    return name.length > 253
      ? t('Use at most 253 characters.')
      : t(
          'Use lowercase letters, digits and hyphens only, starting and ending with a letter or a digit.',
        );
  }
  if (existingNames.includes(name)) {
    return t('A provider named {{name}} already exists in project {{namespace}}.', {
      name,
      namespace,
    });
  }
  return undefined;
};

export const httpsUrlError = (url: string, t: Translate): string | undefined => {
  const problem = providerUrlProblem(url);
  return problem && t(PROVIDER_URL_MESSAGES[problem]);
};

/** vCenter and ESXi serve their API at /sdk; another path usually means a typo, not a choice. */
export const vsphereUrlWarning = (url: string, t: Translate): string | undefined => {
  const parsed = parseUrl(url.trim());
  if (!parsed || parsed.pathname.replace(/\/$/, '') === '/sdk') return undefined;
  return t('vSphere serves its API at /sdk, for example https://vcenter.example.com/sdk.');
};

export const nfsShareError = (url: string, t: Translate): string | undefined => {
  const { problem } = parseNfsShare(url);
  return problem && t(NFS_SHARE_MESSAGES[problem]);
};

export const imageReferenceError = (image: string, t: Translate): string | undefined => {
  const trimmed = image.trim();
  if (trimmed === '') return t('A VDDK init image is required, or skip the VDDK setup.');
  if (!isImageReference(trimmed)) {
    return t('Enter a container image, for example quay.io/example/vddk:8.0.3.');
  }
  return undefined;
};

export const caCertificateError = (text: string, t: Translate): string | undefined => {
  if (text.trim() === '') {
    return t('A CA certificate is required; or choose another way to validate certificates.');
  }
  const problem = caCertificateProblem(text);
  return problem && t(CA_CERTIFICATE_MESSAGES[problem]);
};

/** Usernames, passwords and tokens: required, and a space is always a paste mistake. */
export const secretFieldError = (
  value: string,
  requiredMessage: string,
  t: Translate,
): string | undefined => {
  if (value === '') return requiredMessage;
  if (hasSpaces(value)) return t(CREDENTIAL_MESSAGES.spaces);
  return undefined;
};
