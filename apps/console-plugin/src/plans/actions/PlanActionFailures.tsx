import type { FC } from 'react';
import { Alert, List, ListItem } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import type { PlanActionResult } from './hooks/usePlanActionMutations.ts';

type Props = { results: readonly PlanActionResult[] };

/** The plans an action could not act on, each as "name: why"; nothing when all succeeded. */
export const PlanActionFailures: FC<Props> = ({ results }) => {
  const { t } = useForkliftTranslation();
  const failures = results.flatMap((result) => (result.ok ? [] : [result]));
  if (failures.length === 0) return null;
  const done = results.length - failures.length;
  return (
    <Alert
      variant="danger"
      isInline
      title={t('{{failed}} of {{total}} plans failed', {
        failed: failures.length,
        total: results.length,
      })}
      data-testid="plan-action-failures"
    >
      {done > 0 && t('The other {{count}} succeeded.', { count: done })}
      <List>
        {failures.map((failure) => (
          <ListItem
            key={`${failure.namespace}/${failure.name}`}
            data-testid={`plan-failure-${failure.name}`}
          >
            {failure.name}: {failure.error}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
};
