// The URL rule of the providers that are reached over HTTPS (vSphere, a remote OpenShift): the
// create form, the create route and the provider controller apply this one rule.

export type ProviderUrlProblem = 'missing' | 'not-url' | 'plain-http' | 'not-https' | 'user-info';

export const PROVIDER_URL_MESSAGES: Record<ProviderUrlProblem, string> = {
  missing: 'A URL is required.',
  'not-url': 'Enter a valid URL.',
  'plain-http': 'The URL must start with https://.',
  'not-https': 'The URL must start with https://.',
  'user-info': 'The URL must not contain a user name or password.',
};

/**
 * What is wrong with a provider URL, or undefined. `plain-http` is told apart from other schemes
 * because Forklift's controller still dials such a provider: the controller only warns about it,
 * while the console refuses to create one.
 */
export const providerUrlProblem = (url: string): ProviderUrlProblem | undefined => {
  const trimmed = url.trim();
  if (trimmed === '') return 'missing';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return 'not-url';
  }
  if (!parsed.hostname) return 'not-url';
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'not-https';
  // Credentials in a URL end up in status messages and logs; they belong in the Secret.
  if (parsed.username || parsed.password) return 'user-info';
  return parsed.protocol === 'http:' ? 'plain-http' : undefined;
};

/** The message for a URL the console refuses to create a provider with, or undefined. */
export const providerUrlError = (url: string): string | undefined => {
  const problem = providerUrlProblem(url);
  return problem && PROVIDER_URL_MESSAGES[problem];
};
