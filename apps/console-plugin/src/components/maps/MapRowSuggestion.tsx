import type { FC } from 'react';
import { HelperText, HelperTextItem, Label } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';

/** Marks a row Suggest mappings filled in, with the one line that says why. */
export const MapRowSuggestion: FC<{ text: string; testId: string }> = ({ text, testId }) => {
  const { t } = useForkliftTranslation();
  return (
    <HelperText className="pf-v6-u-mt-xs">
      <HelperTextItem data-testid={testId}>
        <Label isCompact color="purple" className="pf-v6-u-mr-sm">
          {t('Suggested')}
        </Label>
        {text}
      </HelperTextItem>
    </HelperText>
  );
};
