// Kubernetes object-name rules (DNS-1123), as the API server applies them.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

/** Why `name` is not a DNS-1123 label (namespaces, most Forklift names), or undefined when it is. */
export const dns1123LabelError = (name: string): string | undefined => {
  if (name.length === 0) return 'must not be empty';
  if (name.length > DNS1123_LABEL_MAX_LENGTH)
    return `must be no more than ${DNS1123_LABEL_MAX_LENGTH} characters`;
  if (!DNS1123_LABEL.test(name))
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return undefined;
};

/** Why `name` is not a DNS-1123 subdomain (the rule for most object names), or undefined. */
export const dns1123SubdomainError = (name: string): string | undefined => {
  if (name.length === 0) return 'must not be empty';
  if (name.length > DNS1123_SUBDOMAIN_MAX_LENGTH)
    return `must be no more than ${DNS1123_SUBDOMAIN_MAX_LENGTH} characters`;
  if (!DNS1123_SUBDOMAIN.test(name))
    return "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  return undefined;
};

export const isDns1123Label = (name: string): boolean => dns1123LabelError(name) === undefined;
export const isDns1123Subdomain = (name: string): boolean =>
  dns1123SubdomainError(name) === undefined;

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';

/**
 * A NetworkAttachmentDefinition as `namespace/name`, the form Forklift's settings and maps name
 * networks in; a string so the BFF's JSON schemas can use it as their `pattern`.
 */
export const NETWORK_NAME_PATTERN = `^${LABEL}/${LABEL}$`;

const NETWORK_NAME = new RegExp(NETWORK_NAME_PATTERN);

export const isNetworkName = (value: string): boolean => NETWORK_NAME.test(value);
