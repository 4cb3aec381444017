import type { FC } from 'react';
import { FormSelect, FormSelectOption } from '@patternfly/react-core';
import type { SourceOption } from '../../utils/map-inventory.ts';

type Props = {
  source: SourceOption | undefined;
  sources: readonly SourceOption[];
  onChange: (source: SourceOption | undefined) => void;
  ariaLabel: string;
  placeholder: string;
  testId: string;
};

/**
 * A row's source. A stored source the inventory no longer lists stays as an option, so opening
 * and saving a map does not drop it unseen.
 */
export const MapRowSourceSelect: FC<Props> = ({
  source,
  sources,
  onChange,
  ariaLabel,
  placeholder,
  testId,
}) => (
  <FormSelect
    value={source?.key ?? ''}
    onChange={(_event, key) => onChange(sources.find((option) => option.key === key) ?? source)}
    aria-label={ariaLabel}
    data-testid={testId}
  >
    <FormSelectOption value="" label={placeholder} isPlaceholder />
    {source && !sources.some((option) => option.key === source.key) && (
      <FormSelectOption value={source.key} label={source.label} />
    )}
    {sources.map((option) => (
      <FormSelectOption key={option.key} value={option.key} label={option.label} />
    ))}
  </FormSelect>
);
