import { useCallback } from 'react';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import type { NetworkSuggestion } from '../utils/network-rows.ts';

/** The one line that says why Suggest mappings chose a row's target. */
export const useSuggestionText = (): ((suggestion: NetworkSuggestion) => string) => {
  const { t } = useForkliftTranslation();
  return useCallback(
    ({ reason, source, project }: NetworkSuggestion) => {
      switch (reason) {
        case 'same-name-nad':
          return t('{{source}}: a NAD of the same name exists in {{project}}', { source, project });
        case 'first-to-pod':
          return t(
            '{{source}}: no NAD of the same name in {{project}}, so it goes to the pod network',
            {
              source,
              project,
            },
          );
        case 'pod-taken':
          return t(
            '{{source}}: no NAD of the same name in {{project}}, and the pod network is taken',
            {
              source,
              project,
            },
          );
      }
    },
    [t],
  );
};
