import type { FC } from 'react';
import { Alert } from '@patternfly/react-core';

type Props = {
  /** What could not be loaded, e.g. "Could not load the providers". */
  title: string;
  error: Error;
  testId?: string;
};

/** Why a page or list has nothing to show: the request failed, and the server said this. */
export const LoadErrorAlert: FC<Props> = ({ title, error, testId }) => (
  <Alert variant="danger" isInline title={title} data-testid={testId}>
    {error.message}
  </Alert>
);
