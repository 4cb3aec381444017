import { useCallback } from 'react';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import type { StorageSuggestion } from '../utils/storage-rows.ts';

/** The one line that says why Suggest mappings chose a row's storage class. */
export const useStorageSuggestionText = (): ((suggestion: StorageSuggestion) => string) => {
  const { t } = useForkliftTranslation();
  return useCallback(
    ({ reason, source, storageClass }: StorageSuggestion) =>
      reason === 'default-class'
        ? t("{{source}}: {{storageClass}} is the target cluster's default storage class", {
            source,
            storageClass,
          })
        : t(
            '{{source}}: the target cluster has no default storage class; {{storageClass}} is the first',
            {
              source,
              storageClass,
            },
          ),
    [t],
  );
};
