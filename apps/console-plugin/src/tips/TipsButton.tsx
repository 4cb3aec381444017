import type { FC } from 'react';
import { Button } from '@patternfly/react-core';
import OutlinedLightbulbIcon from '@patternfly/react-icons/dist/esm/icons/outlined-lightbulb-icon';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { useTips } from './TipsContext.tsx';
import { TIPS_BUTTON_ID, TIPS_PANEL_ID } from './tips-dom-ids.ts';

/** Opens and closes the Tips and tricks drawer from a page header. */
export const TipsButton: FC = () => {
  const { t } = useForkliftTranslation();
  const { isOpen, toggle } = useTips();
  return (
    <Button
      id={TIPS_BUTTON_ID}
      variant="link"
      icon={<OutlinedLightbulbIcon />}
      onClick={toggle}
      aria-expanded={isOpen}
      aria-controls={TIPS_PANEL_ID}
      data-testid="tips-and-tricks-button"
    >
      {t('Tips and tricks')}
    </Button>
  );
};
