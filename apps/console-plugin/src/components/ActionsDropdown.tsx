import { useState, type FC, type ReactNode } from 'react';
import { Dropdown, DropdownList, MenuToggle, type MenuToggleProps } from '@patternfly/react-core';

type Props = {
  /** How the toggle looks: a primary button, a kebab, or a plain "Actions" button. */
  toggleProps?: Partial<MenuToggleProps>;
  toggleTestId: string;
  label?: ReactNode;
  /** The menu's `DropdownItem`s; choosing one closes the menu. */
  children: ReactNode;
};

/** A menu that opens to the right of its toggle and closes when an item is chosen. */
export const ActionsDropdown: FC<Props> = ({ toggleProps, toggleTestId, label, children }) => {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Dropdown
      isOpen={isOpen}
      onOpenChange={setIsOpen}
      onSelect={() => setIsOpen(false)}
      popperProps={{ position: 'right' }}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          onClick={() => setIsOpen(!isOpen)}
          isExpanded={isOpen}
          data-testid={toggleTestId}
          {...toggleProps}
        >
          {label}
        </MenuToggle>
      )}
    >
      <DropdownList>{children}</DropdownList>
    </Dropdown>
  );
};
