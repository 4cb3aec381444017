import { useState } from 'react';
import { Badge, MenuToggle, Select, SelectList, SelectOption } from '@patternfly/react-core';

type Props<V extends string> = {
  /** The toggle's text, e.g. "Power state". */
  label: string;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  testId: string;
};

/** A multi-select filter: any of the chosen values matches, none chosen matches all. */
export const CheckboxFilter = <V extends string>({
  label,
  options,
  selected,
  onChange,
  testId,
}: Props<V>) => {
  const [isOpen, setIsOpen] = useState(false);
  return (
    <Select
      role="menu"
      isOpen={isOpen}
      selected={selected}
      onOpenChange={setIsOpen}
      onSelect={(_event, value) => {
        const chosen = value as V;
        onChange(
          selected.includes(chosen)
            ? selected.filter((item) => item !== chosen)
            : [...selected, chosen],
        );
      }}
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
      <SelectList>
        {options.map((option) => (
          <SelectOption
            key={option.value}
            value={option.value}
            hasCheckbox
            isSelected={selected.includes(option.value)}
          >
            {option.label}
          </SelectOption>
        ))}
      </SelectList>
    </Select>
  );
};
