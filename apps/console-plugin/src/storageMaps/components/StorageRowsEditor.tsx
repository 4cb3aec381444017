import type { FC } from 'react';
import { Flex, FlexItem, FormSelect, FormSelectOption } from '@patternfly/react-core';
import type { MapRowsEditorProps } from '../../components/maps/map-kind.ts';
import { MapRowError } from '../../components/maps/MapRowError.tsx';
import { MapRowRemoveButton } from '../../components/maps/MapRowRemoveButton.tsx';
import { MapRowsFooter } from '../../components/maps/MapRowsFooter.tsx';
import { MapRowSourceSelect } from '../../components/maps/MapRowSourceSelect.tsx';
import { MapRowSuggestion } from '../../components/maps/MapRowSuggestion.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { changeRow, removeRow } from '../../utils/map-rows.ts';
import type { StorageMapOptions } from '../hooks/useStorageMapOptions.ts';
import { useStorageSuggestionText } from '../hooks/useStorageSuggestionText.ts';
import {
  emptyStorageRow,
  type StorageRow,
  type StorageRowsProblems,
} from '../utils/storage-rows.ts';
import { StorageRowAdvanced } from './StorageRowAdvanced.tsx';

type Props = MapRowsEditorProps<StorageRow, StorageMapOptions, StorageRowsProblems>;

/** Source storage → storage class rows, each with its advanced options; sources may repeat. */
export const StorageRowsEditor: FC<Props> = ({
  rows,
  onChange,
  options,
  problems,
  showIncomplete,
}) => {
  const { t } = useForkliftTranslation();
  const suggestionText = useStorageSuggestionText();
  const { storageClasses } = options;
  // The advanced options leave what Suggest mappings chose (source and class) as it was.
  const update = (key: string, change: Partial<StorageRow>) =>
    onChange(changeRow(rows, key, change, !('storageClass' in change || 'source' in change)));

  return (
    <div data-testid="storage-rows">
      {rows.map((row, index) => {
        const isIncomplete = showIncomplete && problems.incompleteKeys.includes(row.key);
        return (
          <div key={row.key} className="pf-v6-u-mb-md" data-testid={`storage-row-${index}`}>
            <Flex alignItems={{ default: 'alignItemsFlexStart' }} flexWrap={{ default: 'nowrap' }}>
              <FlexItem flex={{ default: 'flex_1' }}>
                <MapRowSourceSelect
                  source={row.source}
                  sources={options.sources}
                  onChange={(source) => update(row.key, { source })}
                  ariaLabel={t('Source storage of row {{number}}', { number: index + 1 })}
                  placeholder={t('Select a source storage')}
                  testId="storage-row-source"
                />
              </FlexItem>
              <FlexItem flex={{ default: 'flex_1' }}>
                <FormSelect
                  value={row.storageClass}
                  onChange={(_event, storageClass) => update(row.key, { storageClass })}
                  aria-label={t('Target storage class of row {{number}}', { number: index + 1 })}
                  validated={isIncomplete ? 'error' : 'default'}
                  data-testid="storage-row-target"
                >
                  <FormSelectOption value="" label={t('Select a storage class')} isPlaceholder />
                  {row.storageClass &&
                    !storageClasses.some((sc) => sc.name === row.storageClass) && (
                      <FormSelectOption value={row.storageClass} label={row.storageClass} />
                    )}
                  {storageClasses.map((storageClass) => (
                    <FormSelectOption
                      key={storageClass.name}
                      value={storageClass.name}
                      label={
                        storageClass.isDefault
                          ? t('{{name}} (default)', { name: storageClass.name })
                          : storageClass.name
                      }
                    />
                  ))}
                </FormSelect>
              </FlexItem>
              <FlexItem>
                <MapRowRemoveButton
                  index={index}
                  onRemove={() => onChange(removeRow(rows, row.key))}
                  testId="storage-row-remove"
                />
              </FlexItem>
            </Flex>
            {row.suggestion && (
              <MapRowSuggestion
                text={suggestionText(row.suggestion)}
                testId="storage-row-suggestion"
              />
            )}
            {isIncomplete && (
              <MapRowError
                message={t('Each row must have both source and target storage selected')}
                testId="storage-row-error"
              />
            )}
            <StorageRowAdvanced
              row={row}
              index={index}
              onChange={(change) => update(row.key, change)}
              hosts={options.hosts}
              offloadError={problems.offloadErrors[row.key]}
            />
          </div>
        );
      })}
      <MapRowsFooter
        emptyError={
          showIncomplete && problems.noRows
            ? t('You must select a source and target storage')
            : undefined
        }
        emptyTestId="storage-rows-empty"
        onAdd={(key) => onChange([...rows, emptyStorageRow(key)])}
        addTestId="storage-row-add"
      />
    </div>
  );
};
