import type { FC } from 'react';
import { Slice, type SliceProps } from 'victory-pie';

export type SliceDatum = { x: string; y: number; key: string };

type ClickableSliceProps = SliceProps & {
  onSelect: (key: string) => void;
  /** Prefix of each slice's test id; the datum's key completes it. */
  testId: string;
};

/**
 * A donut slice that opens what it counts. Victory's slice takes neither a click handler nor a test
 * id, so a group around it holds both. The legend's links offer the same for the keyboard.
 */
export const ClickableSlice: FC<ClickableSliceProps> = ({ onSelect, testId, ...props }) => {
  const { key } = props.datum as SliceDatum;
  return (
    <g onClick={() => onSelect(key)} style={{ cursor: 'pointer' }} data-testid={`${testId}-${key}`}>
      <Slice {...props} />
    </g>
  );
};
