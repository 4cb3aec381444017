// A Provider's status as the list and the create flow show it: Forklift's phase, and when the
// phase is a failure, the condition that says why.
import type { Provider } from '@forklift-console/api';

/** The phases Forklift's provider controller writes, in the order the Status filter offers them. */
export const PROVIDER_PHASES = [
  'Ready',
  'Staging',
  'ValidationFailed',
  'ConnectionFailed',
  'Unknown',
] as const;
export type ProviderPhase = (typeof PROVIDER_PHASES)[number];

export const isProviderPhase = (value: string | null | undefined): value is ProviderPhase =>
  PROVIDER_PHASES.some((phase) => phase === value);

/** A Provider the controller has not looked at yet has no phase: its state is unknown. */
export const providerPhase = (provider: Provider): string => provider.status?.phase || 'Unknown';

export const isFailedPhase = (phase: string): boolean =>
  phase === 'ValidationFailed' || phase === 'ConnectionFailed';

/**
 * Why a failed provider failed: the message of its first Critical (or Error) condition that holds,
 * else of a Ready condition that does not.
 */
export const providerFailureMessage = (provider: Provider): string | undefined => {
  const conditions = provider.status?.conditions ?? [];
  const failing = conditions.find(
    (condition) =>
      condition.status === 'True' &&
      (condition.category === 'Critical' || condition.category === 'Error') &&
      condition.message,
  );
  if (failing) return failing.message;
  return conditions.find((condition) => condition.type === 'Ready' && condition.status !== 'True')
    ?.message;
};
