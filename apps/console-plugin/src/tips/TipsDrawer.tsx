import type { FC, ReactNode } from 'react';
import {
  Drawer,
  DrawerActions,
  DrawerCloseButton,
  DrawerContent,
  DrawerContentBody,
  DrawerHead,
  DrawerPanelBody,
  DrawerPanelContent,
  Title,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { useTips } from './TipsContext.tsx';
import { TipsPanel } from './TipsPanel.tsx';
import { TIPS_BUTTON_ID, TIPS_PANEL_ID, TIPS_PANEL_TITLE_ID } from './tips-dom-ids.ts';

const focusById = (id: string) => document.getElementById(id)?.focus();

/** The page beside an inline Tips and tricks panel, which opens from the page header. */
export const TipsDrawer: FC<{ children: ReactNode }> = ({ children }) => {
  const { t } = useForkliftTranslation();
  const { isOpen, close } = useTips();

  const panel = (
    <DrawerPanelContent
      id={TIPS_PANEL_ID}
      role="region"
      aria-labelledby={TIPS_PANEL_TITLE_ID}
      widths={{ default: 'width_100', lg: 'width_50', xl: 'width_33' }}
      data-testid="tips-drawer"
    >
      <DrawerHead>
        <Title headingLevel="h2" id={TIPS_PANEL_TITLE_ID} tabIndex={-1}>
          {t('Tips and tricks')}
        </Title>
        <DrawerActions>
          <DrawerCloseButton
            aria-label={t('Close tips and tricks')}
            onClose={() => {
              close();
              focusById(TIPS_BUTTON_ID);
            }}
          />
        </DrawerActions>
      </DrawerHead>
      <DrawerPanelBody>
        <TipsPanel />
      </DrawerPanelBody>
    </DrawerPanelContent>
  );

  // onExpand follows the opening animation, so a page that mounts with the drawer already open
  // does not take the focus away from where the user is.
  return (
    <Drawer
      isExpanded={isOpen}
      isInline
      position="end"
      onExpand={() => focusById(TIPS_PANEL_TITLE_ID)}
    >
      <DrawerContent panelContent={panel}>
        <DrawerContentBody>{children}</DrawerContentBody>
      </DrawerContent>
    </Drawer>
  );
};
