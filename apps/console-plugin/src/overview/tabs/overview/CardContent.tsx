import type { FC, ReactNode } from 'react';
import { Bullseye, EmptyState, EmptyStateBody, Spinner } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';

type CardContentProps = {
  isPending: boolean;
  error: Error | null;
  /** True when the data loaded but there is nothing to chart. */
  isEmpty: boolean;
  errorTitle: string;
  emptyTitle: string;
  emptyBody: ReactNode;
  /** Prefix of the states' test ids, e.g. "vm-migrations" gives "vm-migrations-empty". */
  testId: string;
  children: ReactNode;
};

/** A dashboard card's body: loading, error and empty states, else the chart. */
export const CardContent: FC<CardContentProps> = ({
  isPending,
  error,
  isEmpty,
  errorTitle,
  emptyTitle,
  emptyBody,
  testId,
  children,
}) => {
  const { t } = useForkliftTranslation();
  if (isPending) {
    return (
      <Bullseye data-testid={`${testId}-loading`}>
        <Spinner size="xl" aria-label={t('Loading')} />
      </Bullseye>
    );
  }
  if (error) {
    return <LoadErrorAlert title={errorTitle} error={error} testId={`${testId}-error`} />;
  }
  if (isEmpty) {
    return (
      <EmptyState
        variant="xs"
        titleText={emptyTitle}
        headingLevel="h3"
        data-testid={`${testId}-empty`}
      >
        <EmptyStateBody>{emptyBody}</EmptyStateBody>
      </EmptyState>
    );
  }
  return <>{children}</>;
};
