import type { FC } from 'react';
import {
  Button,
  FormSelect,
  FormSelectOption,
  FormSelectOptionGroup,
  HelperText,
  HelperTextItem,
  Label,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import MinusCircleIcon from '@patternfly/react-icons/dist/esm/icons/minus-circle-icon';
import PlusCircleIcon from '@patternfly/react-icons/dist/esm/icons/plus-circle-icon';
import type { SourceOption, TargetNetwork } from '../../utils/map-inventory.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import {
  targetFromValue,
  targetValue,
  type NetworkRow,
  type NetworkRowsProblems,
} from '../utils/network-rows.ts';
import { useSuggestionText } from '../hooks/useSuggestionText.ts';

type Props = {
  rows: readonly NetworkRow[];
  onChange: (rows: NetworkRow[]) => void;
  sources: readonly SourceOption[];
  targets: readonly TargetNetwork[];
  problems: NetworkRowsProblems;
  /** Incomplete rows are flagged only after the user tried to save. */
  showIncomplete: boolean;
};

let nextKey = 0;

/** Source network → target rows: add, remove and change; the same source may repeat. */
export const NetworkRowsEditor: FC<Props> = ({
  rows,
  onChange,
  sources,
  targets,
  problems,
  showIncomplete,
}) => {
  const { t } = useForkliftTranslation();
  const suggestionText = useSuggestionText();
  const update = (key: string, change: Partial<NetworkRow>) =>
    // A row the user changes is no longer the suggestion it was.
    onChange(
      rows.map((row) => (row.key === key ? { ...row, ...change, suggestion: undefined } : row)),
    );

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
                  <FormSelect
                    value={row.source?.key ?? ''}
                    onChange={(_event, key) =>
                      update(row.key, {
                        source: sources.find((option) => option.key === key) ?? row.source,
                      })
                    }
                    aria-label={t('Source network of row {{number}}', { number: index + 1 })}
                    data-testid="network-row-source"
                  >
                    <FormSelectOption value="" label={t('Select a source network')} isPlaceholder />
                    {row.source && !sources.some((option) => option.key === row.source?.key) && (
                      <FormSelectOption value={row.source.key} label={row.source.label} />
                    )}
                    {sources.map((option) => (
                      <FormSelectOption key={option.key} value={option.key} label={option.label} />
                    ))}
                  </FormSelect>
                  {row.suggestion && (
                    <HelperText className="pf-v6-u-mt-xs">
                      <HelperTextItem data-testid="network-row-suggestion">
                        <Label isCompact color="purple" className="pf-v6-u-mr-sm">
                          {t('Suggested')}
                        </Label>
                        {suggestionText(row.suggestion)}
                      </HelperTextItem>
                    </HelperText>
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
                      {targets.map((nad) => (
                        <FormSelectOption
                          key={`${nad.namespace}/${nad.name}`}
                          value={targetValue({ type: 'multus', ...nad })}
                          label={`${nad.namespace}/${nad.name}`}
                        />
                      ))}
                    </FormSelectOptionGroup>
                    <FormSelectOption value="ignored" label={t('Ignored (not migrated)')} />
                  </FormSelect>
                  {error && (
                    <HelperText className="pf-v6-u-mt-xs">
                      <HelperTextItem variant="error" data-testid="network-row-error">
                        {error}
                      </HelperTextItem>
                    </HelperText>
                  )}
                </Td>
                <Td isActionCell>
                  <Button
                    variant="plain"
                    icon={<MinusCircleIcon />}
                    aria-label={t('Remove row {{number}}', { number: index + 1 })}
                    onClick={() => onChange(rows.filter((candidate) => candidate.key !== row.key))}
                    data-testid="network-row-remove"
                  />
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {showIncomplete && problems.noRows && (
        <HelperText>
          <HelperTextItem variant="error" data-testid="network-rows-empty">
            {t('At least one network mapping must be provided.')}
          </HelperTextItem>
        </HelperText>
      )}
      <Button
        variant="link"
        icon={<PlusCircleIcon />}
        onClick={() => onChange([...rows, { key: `added-${nextKey++}` }])}
        data-testid="network-row-add"
      >
        {t('Add mapping')}
      </Button>
    </>
  );
};
