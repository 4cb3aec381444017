import type { FC } from 'react';
import { DatePicker, Flex, FlexItem, HelperText, HelperTextItem } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Props = {
  from?: string;
  to?: string;
  onChange: (bound: 'startedFrom' | 'startedTo', value: string | undefined) => void;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Migration started range: two YYYY-MM-DD days, both included. */
export const StartedDateFilter: FC<Props> = ({ from, to, onChange }) => {
  const { t } = useForkliftTranslation();
  // A half-typed date is not a filter yet; an emptied field clears its bound.
  const changed = (bound: 'startedFrom' | 'startedTo') => (_event: unknown, value: string) => {
    if (value === '') onChange(bound, undefined);
    else if (DATE.test(value)) onChange(bound, value);
  };
  return (
    <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsXs' }}>
      <Flex flexWrap={{ default: 'nowrap' }} spaceItems={{ default: 'spaceItemsSm' }}>
        <FlexItem>
          <DatePicker
            value={from ?? ''}
            onChange={changed('startedFrom')}
            placeholder="YYYY-MM-DD"
            aria-label={t('Migration started from')}
            inputProps={{ 'data-testid': 'plan-started-from' } as object}
          />
        </FlexItem>
        <FlexItem>
          <DatePicker
            value={to ?? ''}
            onChange={changed('startedTo')}
            placeholder="YYYY-MM-DD"
            aria-label={t('Migration started until')}
            inputProps={{ 'data-testid': 'plan-started-to' } as object}
          />
        </FlexItem>
      </Flex>
      <HelperText>
        <HelperTextItem>
          {t('Migration started between these days, both included, in your time zone.')}
        </HelperTextItem>
      </HelperText>
    </Flex>
  );
};
