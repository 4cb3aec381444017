import type { FC } from 'react';
import { CardHeader, CardTitle } from '@patternfly/react-core';
import type { TimeRange } from '../../utils/time-range.ts';
import { TimeRangeSelect } from './TimeRangeSelect.tsx';

type Props = {
  title: string;
  range: TimeRange;
  onRangeChange: (range: TimeRange) => void;
  rangeAriaLabel: string;
  rangeTestId: string;
};

/** A chart card's title with its time range choice at the right. */
export const RangeCardHeader: FC<Props> = ({
  title,
  range,
  onRangeChange,
  rangeAriaLabel,
  rangeTestId,
}) => (
  <CardHeader
    actions={{
      actions: (
        <TimeRangeSelect
          value={range}
          onChange={onRangeChange}
          ariaLabel={rangeAriaLabel}
          testId={rangeTestId}
        />
      ),
      hasNoOffset: true,
    }}
  >
    <CardTitle component="h2">{title}</CardTitle>
  </CardHeader>
);
