// Forklift's Timed (reference engine.md §0.2): the started/completed pair every VM status, step
// and task carries. Marks only ever fill what is unset, so replaying a phase after a crash keeps
// the first times.
export type Timed = { started?: string; completed?: string };

export const markStarted = (timed: Timed, now: Date): void => {
  timed.started ??= now.toISOString();
  delete timed.completed;
};

export const markCompleted = (timed: Timed, now: Date): void => {
  timed.started ??= now.toISOString();
  timed.completed ??= now.toISOString();
};

export const markReset = (timed: Timed): void => {
  delete timed.started;
  delete timed.completed;
};

export const isRunning = (timed: Timed): boolean => !!timed.started && !timed.completed;
