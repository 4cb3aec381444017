import { ToolbarFilter } from '@patternfly/react-core';
import { CheckboxFilter } from './CheckboxFilter.tsx';

type Props<V extends string> = {
  /** The category's name, on the toggle and on the chips of the chosen values. */
  category: string;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange: (selected: readonly V[]) => void;
  testId: string;
};

const keyOf = <V extends string>(label: string | { key: string }) =>
  (typeof label === 'string' ? label : label.key) as V;

/** A toolbar filter of fixed values, any of which matches, shown as removable chips when chosen. */
export const EnumToolbarFilter = <V extends string>({
  category,
  options,
  selected,
  onChange,
  testId,
}: Props<V>) => {
  const labelOf = (value: V) => options.find((option) => option.value === value)?.label ?? value;
  return (
    <ToolbarFilter
      categoryName={category}
      labels={selected.map((value) => ({ key: value, node: labelOf(value) }))}
      deleteLabel={(_category, label) =>
        onChange(selected.filter((value) => value !== keyOf<V>(label)))
      }
      deleteLabelGroup={() => onChange([])}
    >
      <CheckboxFilter
        label={category}
        options={options}
        selected={selected}
        onChange={onChange}
        testId={testId}
      />
    </ToolbarFilter>
  );
};
