import type { FC } from 'react';
import { HelperText, HelperTextItem } from '@patternfly/react-core';

/** What is wrong with one row, under its fields. */
export const MapRowError: FC<{ message: string; testId: string }> = ({ message, testId }) => (
  <HelperText className="pf-v6-u-mt-xs">
    <HelperTextItem variant="error" data-testid={testId}>
      {message}
    </HelperTextItem>
  </HelperText>
);
