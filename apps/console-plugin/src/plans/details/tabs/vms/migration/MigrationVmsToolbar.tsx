import type { FC } from 'react';
import {
  Button,
  SearchInput,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
  Tooltip,
} from '@patternfly/react-core';
import type { VmMigrationState } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import type { CancelSelection } from '../../../../actions/utils/cancelable-vms.ts';
import { vmStateLabel } from '../../../../utils/vm-state-labels.ts';
import {
  VM_STATUS_FILTERS,
  type MigrationVmFilters,
  type VmStateTotals,
} from '../../../utils/migration-vm-filters.ts';

type Props = {
  filters: MigrationVmFilters;
  totals: VmStateTotals;
  onFiltersChange: (filters: Partial<MigrationVmFilters>) => void;
  selection: CancelSelection;
  onCancelSelected: () => void;
};

/** The status filter with its counts, the name filter, and Cancel selected. */
export const MigrationVmsToolbar: FC<Props> = ({
  filters,
  totals,
  onFiltersChange,
  selection,
  onCancelSelected,
}) => {
  const { t } = useForkliftTranslation();
  const options: { state?: VmMigrationState; label: string }[] = [
    { label: t('All') },
    ...VM_STATUS_FILTERS.map((state) => ({ state, label: vmStateLabel(state, t) })),
  ];
  const blockReason =
    selection.block === 'notActive'
      ? t('VMs can be canceled only while a migration of this plan is running.')
      : selection.block === 'noneSelected'
        ? t('Select the VMs to cancel: those still migrating or waiting to start.')
        : undefined;
  // Aria-disabled rather than disabled: a disabled button gets no hover, so no tooltip.
  const cancelButton = (
    <Button
      variant="secondary"
      isDanger
      isAriaDisabled={blockReason !== undefined}
      onClick={onCancelSelected}
      data-testid="cancel-selected-vms"
    >
      {t('Cancel selected')}
    </Button>
  );
  return (
    <Toolbar data-testid="migration-vms-toolbar">
      <ToolbarContent>
        <ToolbarItem>
          <ToggleGroup aria-label={t('Filter by migration status')}>
            {options.map(({ state, label }) => (
              <ToggleGroupItem
                key={state ?? 'All'}
                text={`${label} (${totals[state ?? 'All']})`}
                isSelected={filters.status === state}
                onChange={() => onFiltersChange({ status: state })}
                data-testid={`vm-status-filter-${state ?? 'All'}`}
              />
            ))}
          </ToggleGroup>
        </ToolbarItem>
        <ToolbarItem>
          <SearchInput
            aria-label={t('Filter by name')}
            placeholder={t('Filter by name')}
            value={filters.name}
            onChange={(_event, name) => onFiltersChange({ name })}
            onClear={() => onFiltersChange({ name: '' })}
            data-testid="migration-vms-name-filter"
          />
        </ToolbarItem>
        <ToolbarItem>
          {blockReason ? (
            <Tooltip content={blockReason} data-testid="cancel-selected-vms-reason">
              {cancelButton}
            </Tooltip>
          ) : (
            cancelButton
          )}
        </ToolbarItem>
      </ToolbarContent>
    </Toolbar>
  );
};
