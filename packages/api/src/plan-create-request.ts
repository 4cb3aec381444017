// The body of the BFF's create-plan route (POST /api/v1/namespaces/:namespace/plans), which the
// wizard sends: the Plan as the user shaped it plus what the Plan will own, so that the BFF can
// create everything with the user's credentials and leave nothing half-made on failure.
import type { HookSpec, NetworkMapSpec, Plan, StorageMapSpec } from './generated/crd-types.ts';

/**
 * Copy an existing map (a plan-owned copy is made), or make a new one from these entries, named
 * `name` when given, otherwise after the plan with a generated suffix.
 */
export type PlanMapChoice<Entries> = { name: string } | { map: Entries; name?: string };

export type PlanHooksRequest = { pre?: HookSpec; post?: HookSpec };

/** LUKS passphrases for a new plan-owned Secret, or an existing Secret of the plan's project. */
export type DiskDecryptionRequest = { passphrases: string[] } | { secretName: string };

export type CreatePlanRequest = {
  plan: Plan;
  networkMap: PlanMapChoice<NetworkMapSpec['map']>;
  storageMap: PlanMapChoice<StorageMapSpec['map']>;
  hooks?: PlanHooksRequest;
  diskDecryption?: DiskDecryptionRequest;
};

/** Forklift's wizard accepts at most this many disk decryption passphrases. */
export const MAX_DECRYPTION_PASSPHRASES = 20;

/** The image Forklift's hook runner ships as; a playbook needs it. */
export const DEFAULT_HOOK_RUNNER_IMAGE = 'quay.io/konveyor/hook-runner';

export type HookStep = 'PreHook' | 'PostHook';
