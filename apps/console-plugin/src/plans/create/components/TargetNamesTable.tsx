import { useState, type FC } from 'react';
import { HelperText, HelperTextItem, Label, Pagination, TextInput } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { pageOfRows } from '../../../utils/vm-table.ts';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';
import { targetNamesOf } from '../utils/plan-form.ts';

const PER_PAGE = 20;

/**
 * Each selected VM's target name: the engine's rename of a source name that is not DNS-1123 is
 * shown and marked, and any name may be typed instead, checked as typed.
 */
export const TargetNamesTable: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, change, errors } = wizard;
  const [page, setPage] = useState(1);
  const names = targetNamesOf(form);
  if (names.length === 0) return null;
  return (
    <>
      <Table aria-label={t('Target names')} variant="compact" data-testid="target-names">
        <Thead>
          <Tr>
            <Th>{t('Virtual machine')}</Th>
            <Th>{t('Target name')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {pageOfRows(names, page, PER_PAGE).map(({ vm, preview }) => {
            const error = errors.vms[`targetName:${vm.id}`];
            return (
              <Tr key={vm.id} data-testid={`target-name-row-${vm.name}`}>
                <Td dataLabel={t('Virtual machine')}>
                  {vm.name}{' '}
                  {preview.source === 'renamed' && (
                    <Label isCompact color="orange" data-testid={`target-name-renamed-${vm.name}`}>
                      {t('Renamed')}
                    </Label>
                  )}
                </Td>
                <Td dataLabel={t('Target name')}>
                  <TextInput
                    aria-label={t('Target name of {{name}}', { name: vm.name })}
                    value={form.targetNames[vm.id] ?? ''}
                    placeholder={preview.source === 'chosen' ? '' : preview.name}
                    onChange={(_event, value) =>
                      change({ targetNames: { ...form.targetNames, [vm.id]: value } })
                    }
                    validated={error ? 'error' : 'default'}
                    data-testid={`target-name-${vm.name}`}
                  />
                  {error && (
                    <HelperText>
                      <HelperTextItem variant="error" data-testid={`target-name-error-${vm.name}`}>
                        {error}
                      </HelperTextItem>
                    </HelperText>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      <Pagination
        itemCount={names.length}
        page={page}
        perPage={PER_PAGE}
        perPageOptions={[{ title: String(PER_PAGE), value: PER_PAGE }]}
        onSetPage={(_event, next) => setPage(next)}
        variant="bottom"
        isCompact
      />
    </>
  );
};
