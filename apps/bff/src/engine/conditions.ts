// Forklift's condition model (reference engine.md §0.1): one condition per type, categories that
// decide whether a condition blocks, and staging — every reconcile pass re-states the conditions
// that still hold, and whatever it did not re-state (unless durable) is gone at the end of it.

export type ConditionCategory = 'Critical' | 'Error' | 'Warn' | 'Required' | 'Advisory';

export type Condition = {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  category: ConditionCategory;
  message?: string;
  suggestion?: string;
  lastTransitionTime: string;
  durable?: boolean;
  items?: string[];
};

/** What a check states; the stage fills in the transition time and defaults status to True. */
export type ConditionInput = Omit<Condition, 'lastTransitionTime' | 'status'> & {
  status?: Condition['status'];
};

/** The fields a status reader cares about: a change in any of them is a transition. */
const TRACKED_FIELDS = [
  'status',
  'reason',
  'category',
  'message',
  'suggestion',
  'durable',
] as const;

const sameCondition = (a: Condition, b: Omit<Condition, 'lastTransitionTime'>): boolean =>
  TRACKED_FIELDS.every((field) => a[field] === b[field]) &&
  JSON.stringify(a.items ?? []) === JSON.stringify(b.items ?? []);

export const isBlocker = (condition: Pick<Condition, 'status' | 'category'>): boolean =>
  condition.status === 'True' &&
  (condition.category === 'Critical' || condition.category === 'Error');

const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;

/**
 * Begins a staging pass over the conditions a resource had. Conditions set during the pass keep
 * their previous lastTransitionTime when nothing about them changed; `end()` returns the new list.
 */
export const stageConditions = (previous: readonly Condition[] = [], now: Date = new Date()) => {
  const before = new Map(previous.map((condition) => [condition.type, condition]));
  const staged = new Map<string, Condition>();

  const trueNow = (type: string) => staged.get(type)?.status === 'True';

  return {
    set(input: ConditionInput): void {
      const next = withoutUndefined({ ...input, status: input.status ?? 'True' });
      const prior = before.get(next.type);
      const lastTransitionTime =
        prior && sameCondition(prior, next) ? prior.lastTransitionTime : now.toISOString();
      staged.set(next.type, { ...next, lastTransitionTime });
    },
    /** True when this pass set the condition with status True. */
    has: trueNow,
    get: (type: string): Condition | undefined => staged.get(type),
    /** Blockers among the conditions staged in this pass only, as Forklift checks while staging. */
    hasBlocker: (): boolean => [...staged.values()].some(isBlocker),
    end(): Condition[] {
      const durable = previous.filter(
        (condition) => condition.durable && !staged.has(condition.type),
      );
      return [...staged.values(), ...durable];
    },
  };
};

export type ConditionStage = ReturnType<typeof stageConditions>;
