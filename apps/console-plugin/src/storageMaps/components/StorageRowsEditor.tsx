import type { FC } from 'react';
import {
  Button,
  Flex,
  FlexItem,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  Label,
} from '@patternfly/react-core';
import MinusCircleIcon from '@patternfly/react-icons/dist/esm/icons/minus-circle-icon';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import type { SourceOption, TargetStorageClass } from '../../utils/map-inventory.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { useStorageSuggestionText } from '../hooks/useStorageSuggestionText.ts';
import {
  emptyStorageRow,
  type StorageRow,
  type StorageRowsProblems,
} from '../utils/storage-rows.ts';
import { StorageRowAdvanced } from './StorageRowAdvanced.tsx';

type Props = {
  rows: readonly StorageRow[];
  onChange: (rows: StorageRow[]) => void;
  sources: readonly SourceOption[];
  storageClasses: readonly TargetStorageClass[];
  /** The vSphere source's hosts; undefined for other sources, which have no offload options. */
  hosts: readonly SourceOption[] | undefined;
  problems: StorageRowsProblems;
  showIncomplete: boolean;
};

let nextKey = 0;

/** Source storage → storage class rows, each with its advanced options; sources may repeat. */
export const StorageRowsEditor: FC<Props> = ({
  rows,
  onChange,
  sources,
  storageClasses,
  hosts,
  problems,
  showIncomplete,
}) => {
  const { t } = useForkliftTranslation();
  const suggestionText = useStorageSuggestionText();
  const update = (key: string, change: Partial<StorageRow>) =>
    onChange(
      rows.map((row) =>
        row.key === key
          ? {
              ...row,
              ...change,
              suggestion:
                'storageClass' in change || 'source' in change ? undefined : row.suggestion,
            }
          : row,
      ),
    );

  return (
    <div data-testid="storage-rows">
      {rows.map((row, index) => {
        const isIncomplete = showIncomplete && problems.incompleteKeys.includes(row.key);
        return (
          <div key={row.key} className="pf-v6-u-mb-md" data-testid={`storage-row-${index}`}>
            <Flex alignItems={{ default: 'alignItemsFlexStart' }} flexWrap={{ default: 'nowrap' }}>
              <FlexItem flex={{ default: 'flex_1' }}>
                <FormSelect
                  value={row.source?.key ?? ''}
                  onChange={(_event, key) =>
                    update(row.key, {
                      source: sources.find((option) => option.key === key) ?? row.source,
                    })
                  }
                  aria-label={t('Source storage of row {{number}}', { number: index + 1 })}
                  data-testid="storage-row-source"
                >
                  <FormSelectOption value="" label={t('Select a source storage')} isPlaceholder />
                  {row.source && !sources.some((option) => option.key === row.source?.key) && (
                    <FormSelectOption value={row.source.key} label={row.source.label} />
                  )}
                  {sources.map((option) => (
                    <FormSelectOption key={option.key} value={option.key} label={option.label} />
                  ))}
                </FormSelect>
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
                <Button
                  variant="plain"
                  icon={<MinusCircleIcon />}
                  aria-label={t('Remove row {{number}}', { number: index + 1 })}
                  onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
                  data-testid="storage-row-remove"
                />
              </FlexItem>
            </Flex>
            {row.suggestion && (
              <HelperText className="pf-v6-u-mt-xs">
                <HelperTextItem data-testid="storage-row-suggestion">
                  <Label isCompact color="purple" className="pf-v6-u-mr-sm">
                    {t('Suggested')}
                  </Label>
                  {suggestionText(row.suggestion)}
                </HelperTextItem>
              </HelperText>
            )}
            {isIncomplete && (
              <HelperText className="pf-v6-u-mt-xs">
                <HelperTextItem variant="error" data-testid="storage-row-error">
                  {t('Each row must have both source and target storage selected')}
                </HelperTextItem>
              </HelperText>
            )}
            <StorageRowAdvanced
              row={row}
              index={index}
              onChange={(change) => update(row.key, change)}
              hosts={hosts}
              offloadError={problems.offloadErrors[row.key]}
            />
          </div>
        );
      })}
      {showIncomplete && problems.noRows && (
        <HelperText>
          <HelperTextItem variant="error" data-testid="storage-rows-empty">
            {t('You must select a source and target storage')}
          </HelperTextItem>
        </HelperText>
      )}
      <Button
        variant="link"
        icon={<PlusCircleIcon />}
        onClick={() => onChange([...rows, emptyStorageRow(`added-${nextKey++}`)])}
        data-testid="storage-row-add"
      >
        {t('Add mapping')}
      </Button>
    </div>
  );
};
