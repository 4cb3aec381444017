import { useState, type FC } from 'react';
import { Alert, SearchInput } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { Plan } from '@forklift-console/api';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { usePatchPlan } from '../../hooks/usePlanMutations.ts';
import type { PlanInventoryVm } from '../../utils/plan-concerns.ts';
import { addableVms, ADDABLE_VMS_SHOWN, vmsAddPatch } from '../../utils/plan-vms.ts';

type Props = { plan: Plan; inventory: readonly PlanInventoryVm[]; onClose: () => void };

/** The source provider's VMs that the plan does not have yet, found by name and added to it. */
export const AddPlanVmsModal: FC<Props> = ({ plan, inventory, onClose }) => {
  const { t } = useForkliftTranslation();
  const patch = usePatchPlan(plan);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Map<string, PlanInventoryVm>>(new Map());
  const { shown, matching } = addableVms(plan, inventory, filter);
  const toggle = (vm: PlanInventoryVm, isSelecting: boolean) => {
    const next = new Map(selected);
    if (isSelecting) next.set(vm.id, vm);
    else next.delete(vm.id);
    setSelected(next);
  };

  return (
    <MutationModal
      title={t('Add virtual machines to migration plan')}
      variant="medium"
      testId="add-plan-vms-modal"
      onClose={onClose}
      mutation={patch}
      errorTitle={t('The plan was not saved')}
      errorTestId="add-plan-vms-error"
      actionLabel={t('Add {{number}} VMs', { number: selected.size })}
      actionTestId="add-plan-vms-confirm"
      isActionDisabled={selected.size === 0}
      onAction={() =>
        patch.mutate(vmsAddPatch(plan, [...selected.values()]), { onSuccess: onClose })
      }
    >
      <SearchInput
        aria-label={t('Filter by name')}
        placeholder={t('Filter by name')}
        value={filter}
        onChange={(_event, value) => setFilter(value)}
        onClear={() => setFilter('')}
        data-testid="add-plan-vms-filter"
      />
      {matching > ADDABLE_VMS_SHOWN && (
        <Alert
          variant="info"
          isInline
          isPlain
          className="pf-v6-u-mt-sm"
          title={t(
            'Showing {{shown}} of {{number}} matching VMs: narrow the filter to find the others',
            {
              shown: ADDABLE_VMS_SHOWN,
              number: matching,
            },
          )}
        />
      )}
      <Table
        aria-label={t('Virtual machines to add')}
        variant="compact"
        data-testid="add-plan-vms-table"
      >
        <Thead>
          <Tr>
            <Th screenReaderText={t('Select')} />
            <Th>{t('Name')}</Th>
            <Th>{t('Concerns')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((vm, rowIndex) => (
            <Tr key={vm.id} data-testid={`add-plan-vm-${vm.id}`}>
              <Td
                select={{
                  rowIndex,
                  isSelected: selected.has(vm.id),
                  onSelect: (_event, isSelecting) => toggle(vm, isSelecting),
                }}
              />
              <Td dataLabel={t('Name')}>{vm.name}</Td>
              <Td dataLabel={t('Concerns')}>
                {(vm.concerns ?? []).filter((c) => c.category === 'Critical').length > 0
                  ? t('Critical concerns: the plan will not start with this VM')
                  : '-'}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {shown.length === 0 && (
        <p className="pf-v6-u-mt-sm">{t('No VMs to add match the filter.')}</p>
      )}
    </MutationModal>
  );
};
