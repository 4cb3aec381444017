// The ideal schedule of a plan under an in-flight limit counted per key (for vSphere, per ESXi
// host): each key runs its VMs in waves of `limit`, the keys side by side, and every VM takes the
// mean duration. Nothing is lost between waves; the measured makespan is set against it.
export const idealSchedule = (
  vmsPerKey: readonly number[],
  limit: number,
  meanVmMs: number,
): { waves: number; idealMs: number } => {
  const waves = Math.max(0, ...vmsPerKey.map((count) => Math.ceil(count / limit)));
  return { waves, idealMs: waves * meanVmMs };
};

export const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;
