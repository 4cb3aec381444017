import { useState, type FC } from 'react';
import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';

type Props = {
  label: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  testId: string;
};

/** A filter of several values at once: a menu of checkboxes, its toggle counting the chosen. */
export const CheckboxFilter: FC<Props> = ({ label, options, selected, onChange, testId }) => {
  const [isOpen, setIsOpen] = useState(false);
  const toggle = (value: string) =>
    onChange(
      selected.includes(value)
        ? selected.filter((chosen) => chosen !== value)
        : [...selected, value],
    );
  return (
    <Select
      role="menu"
      isOpen={isOpen}
      onOpenChange={setIsOpen}
      onSelect={(_event, value) => toggle(String(value))}
      toggle={(toggleRef) => (
        <MenuToggle
          ref={toggleRef}
          onClick={() => setIsOpen(!isOpen)}
          isExpanded={isOpen}
          badge={selected.length > 0 ? <Badge isRead>{selected.length}</Badge> : undefined}
          data-testid={testId}
        >
          {label}
        </MenuToggle>
      )}
    >
      <SelectList aria-label={label}>
        {options.map((option) => (
          <SelectOption
            key={option.value}
            value={option.value}
            hasCheckbox
            isSelected={selected.includes(option.value)}
            data-testid={`${testId}-${option.value}`}
          >
            {option.label}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};
