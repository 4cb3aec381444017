import type { FC } from 'react';
import { Button, HelperText, HelperTextItem } from '@patternfly/react-core';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import { useForkliftTranslation } from '../../utils/i18n.ts';

type Props = {
  /** The "no rows" message, shown once the user tried to save with none. */
  emptyError: string | undefined;
  emptyTestId: string;
  /** Adds a row with this key, unique among the rows the user adds. */
  onAdd: (key: string) => void;
  addTestId: string;
};

let nextKey = 0;

/** Under the rows: why there must be one, and Add mapping. */
export const MapRowsFooter: FC<Props> = ({ emptyError, emptyTestId, onAdd, addTestId }) => {
  const { t } = useForkliftTranslation();
  return (
    <>
      {emptyError && (
        <HelperText>
          <HelperTextItem variant="error" data-testid={emptyTestId}>
            {emptyError}
          </HelperTextItem>
        </HelperText>
      )}
      <Button
        variant="link"
        icon={<PlusCircleIcon />}
        onClick={() => onAdd(`added-${nextKey++}`)}
        data-testid={addTestId}
      >
        {t('Add mapping')}
      </Button>
    </>
  );
};
