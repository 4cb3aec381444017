import type { FC } from 'react';
import { Button } from '@patternfly/react-core';
import MinusCircleIcon from '@patternfly/react-icons/dist/esm/icons/minus-circle-icon';
import { useForkliftTranslation } from '../../utils/i18n.ts';

type Props = { index: number; onRemove: () => void; testId: string };

export const MapRowRemoveButton: FC<Props> = ({ index, onRemove, testId }) => {
  const { t } = useForkliftTranslation();
  return (
    <Button
      variant="plain"
      icon={<MinusCircleIcon />}
      aria-label={t('Remove row {{number}}', { number: index + 1 })}
      onClick={onRemove}
      data-testid={testId}
    />
  );
};
