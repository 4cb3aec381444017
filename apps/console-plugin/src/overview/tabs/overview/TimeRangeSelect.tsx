import type { FC } from 'react';
import { FormSelect, FormSelectOption } from '@patternfly/react-core';
import { TIME_RANGES, type TimeRange } from '../../utils/time-range.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type TimeRangeSelectProps = {
  value: TimeRange;
  onChange: (range: TimeRange) => void;
  /** Names the select for screen readers, e.g. "Virtual machines time range". */
  ariaLabel: string;
  testId: string;
};

export const TimeRangeSelect: FC<TimeRangeSelectProps> = ({
  value,
  onChange,
  ariaLabel,
  testId,
}) => {
  const { t } = useForkliftTranslation();
  const labels: Record<TimeRange, string> = {
    '24h': t('Last 24 hours'),
    '10d': t('Last 10 days'),
    '31d': t('Last 31 days'),
    all: t('All'),
  };
  return (
    <FormSelect
      value={value}
      onChange={(_event, range) => onChange(range as TimeRange)}
      aria-label={ariaLabel}
      data-testid={testId}
    >
      {TIME_RANGES.map((range) => (
        <FormSelectOption key={range} value={range} label={labels[range]} />
      ))}
    </FormSelect>
  );
};
