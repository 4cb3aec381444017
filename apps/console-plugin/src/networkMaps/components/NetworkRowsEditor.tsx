import type { FC } from 'react';
import { FormSelect, FormSelectOption, FormSelectOptionGroup } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { MapRowsEditorProps } from '../../components/maps/map-kind.ts';
import { MapRowError } from '../../components/maps/MapRowError.tsx';
import { MapRowRemoveButton } from '../../components/maps/MapRowRemoveButton.tsx';
import { MapRowsFooter } from '../../components/maps/MapRowsFooter.tsx';
import { MapRowSourceSelect } from '../../components/maps/MapRowSourceSelect.tsx';
import { MapRowSuggestion } from '../../components/maps/MapRowSuggestion.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { changeRow, removeRow } from '../../utils/map-rows.ts';
import type { NetworkMapOptions } from '../hooks/useNetworkMapOptions.ts';
import { useSuggestionText } from '../hooks/useSuggestionText.ts';
import {
  targetFromValue,
  targetValue,
  type NetworkRow,
  type NetworkRowsProblems,
} from '../utils/network-rows.ts';

type Props = MapRowsEditorProps<NetworkRow, NetworkMapOptions, NetworkRowsProblems>;

/** Source network → target rows: add, remove and change; the same source may repeat. */
export const NetworkRowsEditor: FC<Props> = ({
  rows,
  onChange,
  options,
  problems,
  showIncomplete,
}) => {
  const { t } = useForkliftTranslation();
  const suggestionText = useSuggestionText();
  const update = (key: string, change: Partial<NetworkRow>) =>
    onChange(changeRow(rows, key, change));

  return (
    <>
      <Table aria-label={t('Network mappings')} variant="compact" data-testid="network-rows">
        <Thead>
          <Tr>
            <Th width={40}>{t('Source network')}</Th>
            <Th width={50}>{t('Target network')}</Th>
            <Th screenReaderText={t('Remove')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, index) => {
            const error =
              row.key === problems.secondPodKey
                ? t('Only one source network may be mapped to the pod network')
                : showIncomplete && problems.incompleteKeys.includes(row.key)
                  ? t('Choose both a source network and a target')
                  : undefined;
            return (
              <Tr key={row.key} data-testid={`network-row-${index}`}>
                <Td dataLabel={t('Source network')}>
                  <MapRowSourceSelect
                    source={row.source}
                    sources={options.sources}
                    onChange={(source) => update(row.key, { source })}
                    ariaLabel={t('Source network of row {{number}}', { number: index + 1 })}
                    placeholder={t('Select a source network')}
                    testId="network-row-source"
                  />
                  {row.suggestion && (
                    <MapRowSuggestion
                      text={suggestionText(row.suggestion)}
                      testId="network-row-suggestion"
                    />
                  )}
                </Td>
                <Td dataLabel={t('Target network')}>
                  <FormSelect
                    value={targetValue(row.target)}
                    onChange={(_event, value) =>
                      update(row.key, { target: targetFromValue(value) })
                    }
                    aria-label={t('Target network of row {{number}}', { number: index + 1 })}
                    validated={error ? 'error' : 'default'}
                    data-testid="network-row-target"
                  >
                    <FormSelectOption value="" label={t('Select a target')} isPlaceholder />
                    <FormSelectOption value="pod" label={t('Pod network (default)')} />
                    <FormSelectOptionGroup label={t('Network attachment definitions')}>
                      {options.targets.map((nad) => (
                        <FormSelectOption
                          key={`${nad.namespace}/${nad.name}`}
                          value={targetValue({ type: 'multus', ...nad })}
                          label={`${nad.namespace}/${nad.name}`}
                        />
                      ))}
                    </FormSelectOptionGroup>
                    <FormSelectOption value="ignored" label={t('Ignored (not migrated)')} />
                  </FormSelect>
                  {error && <MapRowError message={error} testId="network-row-error" />}
                </Td>
                <Td isActionCell>
                  <MapRowRemoveButton
                    index={index}
                    onRemove={() => onChange(removeRow(rows, row.key))}
                    testId="network-row-remove"
                  />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      <MapRowsFooter
        emptyError={
          showIncomplete && problems.noRows
            ? t('At least one network mapping must be provided.')
            : undefined
        }
        emptyTestId="network-rows-empty"
        onAdd={(key) => onChange([...rows, { key }])}
        addTestId="network-row-add"
      />
    </>
  );
};
