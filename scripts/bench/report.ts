// The bench's output: each section's figures as a table on stdout and as JSON for tools. A goal
// is judged on the ratio to the baseline or on the measured value, as the issue states it.

export type Unit = 'ms' | 'MiB';

export type Goal = { max: number; of: 'ratio' | 'measured' };

export type Figure = {
  name: string;
  unit: Unit;
  measured: number;
  /** The same thing measured on the baseline in the same run; absent when there is none. */
  baseline?: number;
  goal?: Goal;
};

export type SectionReport = {
  id: string;
  title: string;
  /** What the baseline column holds, in a sentence. */
  baseline: string;
  figures: Figure[];
  notes: string[];
};

export type SectionOutcome = SectionReport | { id: string; title: string; error: string };

export type Verdict = 'pass' | 'fail' | '–';

export const ratioOf = (figure: Figure): number | undefined =>
  figure.baseline === undefined ? undefined : figure.measured / figure.baseline;

export const verdictOf = (figure: Figure): Verdict => {
  if (!figure.goal) return '–';
  const value = figure.goal.of === 'ratio' ? ratioOf(figure) : figure.measured;
  // NaN (no samples) and a missing baseline both fail: a goal nobody measured is not met.
  return value !== undefined && value <= figure.goal.max ? 'pass' : 'fail';
};

const formatValue = (value: number, unit: Unit): string => {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = unit === 'MiB' || value < 10 ? 1 : 0;
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
};

const formatRatio = (ratio: number | undefined): string =>
  ratio === undefined ? '–' : Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a';

const formatGoal = (figure: Figure): string => {
  if (!figure.goal) return '–';
  return figure.goal.of === 'ratio'
    ? `≤ ${figure.goal.max}×`
    : `≤ ${formatValue(figure.goal.max, figure.unit)}`;
};

const COLUMNS = ['figure', 'measured', 'baseline', 'ratio', 'goal', 'result'] as const;

export const formatTable = (figures: readonly Figure[]): string => {
  const rows = figures.map((figure) => [
    figure.name,
    formatValue(figure.measured, figure.unit),
    figure.baseline === undefined ? '–' : formatValue(figure.baseline, figure.unit),
    formatRatio(ratioOf(figure)),
    formatGoal(figure),
    verdictOf(figure),
  ]);
  const widths = COLUMNS.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  // Text columns align left, numbers right, so digits line up.
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === 5
          ? cell.padEnd(widths[column]!)
          : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
};

export const formatSection = (outcome: SectionOutcome): string => {
  if ('error' in outcome) return `${outcome.title}\n  could not run: ${outcome.error}`;
  return [
    outcome.title,
    `  baseline: ${outcome.baseline}`,
    ...outcome.notes.map((note) => `  ${note}`),
    '',
    formatTable(outcome.figures),
  ].join('\n');
};

/** The JSON written to bench-results/latest.json: the table's content with ratios and verdicts. */
export const toJson = (outcomes: readonly SectionOutcome[], machine: Record<string, unknown>) => ({
  date: new Date().toISOString(),
  machine,
  sections: outcomes.map((outcome) =>
    'error' in outcome
      ? outcome
      : {
          ...outcome,
          figures: outcome.figures.map((figure) => ({
            ...figure,
            ratio: ratioOf(figure) ?? null,
            result: verdictOf(figure),
          })),
        },
  ),
});
