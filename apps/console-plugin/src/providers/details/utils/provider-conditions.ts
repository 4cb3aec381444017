// Forklift marks a condition that blocks the provider with category Critical; its message says why.
export type CategorizedCondition = {
  type: string;
  status: string;
  category: string;
  message?: string;
};

export const criticalCondition = <C extends CategorizedCondition>(
  conditions: readonly C[] | undefined,
): C | undefined =>
  conditions?.find((condition) => condition.category === 'Critical' && condition.status === 'True');

/** Whether the provider's controller reports it Ready. */
export const isReady = (conditions: readonly CategorizedCondition[] | undefined): boolean =>
  conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True') ??
  false;
