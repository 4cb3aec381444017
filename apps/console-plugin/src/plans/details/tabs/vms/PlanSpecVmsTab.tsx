import { useState, type FC } from 'react';
import {
  Button,
  Label,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Tooltip,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { usePlanEditGate } from '../../hooks/usePlanEditGate.ts';
import type { PlanTabProps } from '../../utils/plan-tab-props.ts';
import { planVmRows, type PlanVmRow } from '../../utils/plan-vms.ts';
import { AddPlanVmsModal } from './AddPlanVmsModal.tsx';
import { EditPlanVmModal, type PlanVmField } from './EditPlanVmModal.tsx';
import { PlanVmActions } from './PlanVmActions.tsx';
import { PlanVmConcerns } from './PlanVmConcerns.tsx';
import { RemovePlanVmModal } from './RemovePlanVmModal.tsx';

type Opened = { row: PlanVmRow; field: PlanVmField | 'remove' } | { field: 'add' };

/** Before migration: the plan's VMs as its spec lists them, with their concerns and settings. */
export const PlanSpecVmsTab: FC<PlanTabProps> = ({ plan, inventory, concerns }) => {
  const { t } = useForkliftTranslation();
  const disabledReason = usePlanEditGate(plan);
  const [opened, setOpened] = useState<Opened>();
  const rows = planVmRows(plan, inventory.vms);
  const removeDisabledReason =
    rows.length <= 1 ? t('Removing all VMs is not allowed: a plan needs one.') : undefined;

  const addDisabledReason =
    disabledReason ??
    (inventory.isLoading
      ? t('The source inventory is loading')
      : inventory.provider
        ? undefined
        : t('The source provider of this plan does not exist'));
  const addButton = (
    <Button
      onClick={() => setOpened({ field: 'add' })}
      isAriaDisabled={Boolean(addDisabledReason)}
      data-testid="add-plan-vms"
    >
      {t('Add VMs')}
    </Button>
  );

  return (
    <>
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            {addDisabledReason ? (
              <Tooltip content={addDisabledReason}>{addButton}</Tooltip>
            ) : (
              addButton
            )}
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Table aria-label={t('Virtual machines')} variant="compact" data-testid="plan-vms-table">
        <Thead>
          <Tr>
            <Th>{t('Name')}</Th>
            <Th>{t('Concerns')}</Th>
            <Th>{t('Target name')}</Th>
            <Th>{t('Target power state')}</Th>
            <Th>{t('Instance type')}</Th>
            <Th>{t('Root disk')}</Th>
            <Th>{t('Disk decryption')}</Th>
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row) => (
            <Tr key={row.key} data-testid={`plan-vm-row-${row.key}`}>
              <Td dataLabel={t('Name')}>{row.sourceName}</Td>
              <Td dataLabel={t('Concerns')}>
                <PlanVmConcerns row={row} concerns={concerns} />
              </Td>
              <Td dataLabel={t('Target name')} data-testid="plan-vm-target-name">
                {row.target.name}{' '}
                {row.target.source === 'renamed' && (
                  <Tooltip
                    content={t('The source name is not a valid DNS-1123 name: the VM is renamed.')}
                  >
                    <Label isCompact color="orange" tabIndex={0}>
                      {t('Renamed')}
                    </Label>
                  </Tooltip>
                )}
              </Td>
              <Td dataLabel={t('Target power state')}>
                {row.vm.targetPowerState ??
                  plan.spec?.targetPowerState ??
                  t('Inherit plan-wide setting')}
              </Td>
              <Td dataLabel={t('Instance type')}>{row.vm.instanceType ?? '-'}</Td>
              <Td dataLabel={t('Root disk')}>{row.vm.rootDisk ?? '-'}</Td>
              <Td dataLabel={t('Disk decryption')}>
                {row.vm.nbdeClevis ? t('NBDE (Clevis)') : (row.vm.luks?.name ?? '-')}
              </Td>
              <Td isActionCell>
                <PlanVmActions
                  vmKey={row.key}
                  disabledReason={disabledReason}
                  removeDisabledReason={removeDisabledReason}
                  onEdit={(field) => setOpened({ row, field })}
                  onRemove={() => setOpened({ row, field: 'remove' })}
                />
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {opened?.field === 'add' && (
        <AddPlanVmsModal
          plan={plan}
          inventory={inventory.vms}
          onClose={() => setOpened(undefined)}
        />
      )}
      {opened?.field === 'remove' && (
        <RemovePlanVmModal plan={plan} row={opened.row} onClose={() => setOpened(undefined)} />
      )}
      {opened && 'row' in opened && opened.field !== 'remove' && (
        <EditPlanVmModal
          plan={plan}
          inventory={inventory.vms}
          row={opened.row}
          field={opened.field}
          onClose={() => setOpened(undefined)}
        />
      )}
    </>
  );
};
