// PatternFly chart colours by meaning, as CSS variables with the PatternFly values as fallbacks:
// inside the console they follow its theme; the standalone shell does not load the chart tokens.
import type { MigrationOutcome } from '../../utils/migration-history.ts';
import type { PlanState } from '../../utils/plan-status.ts';

const BLUE = 'var(--pf-t--chart--color--blue--300, #004d99)';
const GREEN = 'var(--pf-t--chart--color--green--300, #3d7317)';
const RED = 'var(--pf-t--chart--global--danger--color--100, #b1380b)';
const ORANGE = 'var(--pf-t--chart--color--orange--300, #9e4a06)';
const YELLOW = 'var(--pf-t--chart--color--yellow--100, #dca614)';
const PURPLE = 'var(--pf-t--chart--color--purple--200, #5e40be)';
const TEAL = 'var(--pf-t--chart--color--teal--200, #37a3a3)';
const GREY = 'var(--pf-t--chart--color--black--200, #707070)';
const LIGHT_GREY = 'var(--pf-t--chart--color--black--100, #a3a3a3)';

export const OUTCOME_COLORS: Record<MigrationOutcome, string> = {
  Running: BLUE,
  Succeeded: GREEN,
  Failed: RED,
  Canceled: GREY,
};

export const PLAN_STATE_COLORS: Record<PlanState, string> = {
  NotStarted: TEAL,
  CannotStart: ORANGE,
  Running: BLUE,
  Paused: YELLOW,
  Incomplete: RED,
  Completed: GREEN,
  Archived: PURPLE,
  Canceled: GREY,
  Unknown: LIGHT_GREY,
};
