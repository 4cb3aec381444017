import type { FC } from 'react';
import { FormHelperText, HelperText, HelperTextItem } from '@patternfly/react-core';

type Props = { error?: string; warning?: string; helper?: string; testId: string };

/** The one line under a field: what is wrong, else what to watch out for, else how to fill it. */
export const FieldHelperText: FC<Props> = ({ error, warning, helper, testId }) => {
  const [text, variant] = error
    ? [error, 'error' as const]
    : warning
      ? [warning, 'warning' as const]
      : [helper, 'default' as const];
  if (!text) return null;
  return (
    <FormHelperText>
      <HelperText>
        <HelperTextItem variant={variant} data-testid={`${testId}-helper`}>
          {text}
        </HelperTextItem>
      </HelperText>
    </FormHelperText>
  );
};
