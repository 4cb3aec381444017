// What the Status column says about a resource before its controller-specific pages exist: the
// phase a Forklift controller writes, else its Ready condition.
export type ResourceCondition = { type?: string; status?: string; category?: string };

export type ResourceWithStatus = {
  status?: { phase?: string; conditions?: ResourceCondition[] };
};

export type StatusSummary = { label: string; tone: 'success' | 'danger' | 'info' | 'grey' };

export const summarizeStatus = (resource: ResourceWithStatus): StatusSummary => {
  const { phase, conditions = [] } = resource.status ?? {};
  if (phase) {
    const tone = /ready|succeeded|completed/i.test(phase)
      ? 'success'
      : /fail|error|critical/i.test(phase)
        ? 'danger'
        : 'info';
    return { label: phase, tone };
  }
  if (conditions.some((condition) => condition.category === 'Critical')) {
    return { label: 'Critical', tone: 'danger' };
  }
  const ready = conditions.find((condition) => condition.type === 'Ready');
  if (ready?.status === 'True') return { label: 'Ready', tone: 'success' };
  if (ready) return { label: 'Not ready', tone: 'danger' };
  return { label: 'Unknown', tone: 'grey' };
};
