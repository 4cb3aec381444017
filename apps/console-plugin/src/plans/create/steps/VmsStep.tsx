import { useCallback, type FC } from 'react';
import {
  Alert,
  Button,
  Content,
  EmptyState,
  Pagination,
  Sidebar,
  SidebarContent,
  SidebarPanel,
  Title,
  ToggleGroup,
  ToggleGroupItem,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';
import { LoadingSpinner } from '../../../components/LoadingSpinner.tsx';
import { useVmTableLabels } from '../../../hooks/useVmTableLabels.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { VM_COLUMNS, type VmRow } from '../../../utils/vm-table.ts';
import { SelectableVmTable } from '../components/SelectableVmTable.tsx';
import { TargetNamesTable } from '../components/TargetNamesTable.tsx';
import { VmFolderTree } from '../components/VmFolderTree.tsx';
import { VmQueryBar } from '../components/VmQueryBar.tsx';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';
import { useVmStepTable, VM_STEP_PER_PAGE } from '../hooks/useVmStepTable.ts';
import { selectedVmOf } from '../utils/vm-selection.ts';

/** The source's VMs to migrate, chosen by hand or by a query, and their target names. */
export const VmsStep: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, setSelection, choices } = wizard;
  const source = choices.source;
  const type = source?.spec?.type;
  const table = useVmStepTable(source, form.vms);
  const labels = useVmTableLabels();
  const columnKeys =
    VM_COLUMNS[type === 'openshift' ? 'openshift' : type === 'ova' ? 'ova' : 'vsphere'];
  const { byId } = table.vms;

  const select = useCallback(
    (rows: readonly VmRow[], selected: boolean) =>
      setSelection((vms) => {
        for (const row of rows) {
          if (selected) vms.set(row.id, selectedVmOf(row, byId.get(row.id)));
          else vms.delete(row.id);
        }
      }),
    [setSelection, byId],
  );
  const isSelected = useCallback((id: string) => form.vms.has(id), [form.vms]);
  const onSelect = useCallback(
    (row: VmRow, selected: boolean) => select([row], selected),
    [select],
  );
  const { visible } = table;
  const onSelectPage = useCallback(
    (selected: boolean) => select(visible, selected),
    [select, visible],
  );

  return (
    <>
      <Title headingLevel="h2">{t('Virtual machines')}</Title>
      <Content component="p">
        {t('Select the virtual machines to migrate: by hand, or every VM a query matches.')}
      </Content>
      {wizard.errors.vms.vms && form.vms.size === 0 && (
        <Alert
          variant="danger"
          isInline
          isPlain
          title={wizard.errors.vms.vms}
          data-testid="vms-error"
        />
      )}
      <Toolbar>
        <ToolbarContent>
          <VmQueryBar text={table.queryText} onChange={table.setQueryText} read={table.read} />
          <ToolbarItem>
            <ToggleGroup aria-label={t('Show')}>
              <ToggleGroupItem
                text={t('All')}
                isSelected={!table.onlySelected}
                onChange={() => table.setOnlySelected(false)}
              />
              <ToggleGroupItem
                text={t('Selected')}
                isSelected={table.onlySelected}
                isDisabled={form.vms.size === 0}
                onChange={() => table.setOnlySelected(true)}
                data-testid="vm-show-selected"
              />
            </ToggleGroup>
          </ToolbarItem>
          <ToolbarItem>
            <Button
              variant="secondary"
              onClick={() => select(table.matching, true)}
              isDisabled={table.matching.length === 0 || table.read.state === 'invalid'}
              data-testid="vm-select-matching"
            >
              {t('Select all {{count}} matching', { count: table.matching.length })}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button
              variant="link"
              onClick={() => setSelection((vms) => vms.clear())}
              isDisabled={form.vms.size === 0}
            >
              {t('Clear selection')}
            </Button>
          </ToolbarItem>
          <ToolbarItem alignSelf="center">
            <span data-testid="vm-selected-count">
              {t('{{count}} selected', { count: form.vms.size })}
            </span>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
      <Sidebar hasGutter>
        {type === 'vsphere' && (
          <SidebarPanel width={{ default: 'width_25' }}>
            <VmFolderTree
              tree={table.folderTree}
              folder={table.folder}
              onChange={table.setFolder}
            />
          </SidebarPanel>
        )}
        <SidebarContent>
          {table.vms.error ? (
            <LoadErrorAlert
              title={t('Error loading the virtual machines')}
              error={table.vms.error}
            />
          ) : table.vms.isLoading ? (
            <LoadingSpinner />
          ) : table.matching.length === 0 ? (
            <EmptyState
              titleText={t('No virtual machines match')}
              headingLevel="h3"
              data-testid="vm-no-match"
            />
          ) : (
            <>
              <SelectableVmTable
                columnKeys={columnKeys}
                rows={visible}
                isSelected={isSelected}
                onSelect={onSelect}
                onSelectPage={onSelectPage}
                sort={table.sort}
                onSort={table.setSort}
                labels={labels}
              />
              <Pagination
                itemCount={table.matching.length}
                page={table.page}
                perPage={VM_STEP_PER_PAGE}
                perPageOptions={[{ title: String(VM_STEP_PER_PAGE), value: VM_STEP_PER_PAGE }]}
                onSetPage={(_event, page) => table.setPage(page)}
                variant="bottom"
                data-testid="plan-vm-pagination"
              />
            </>
          )}
        </SidebarContent>
      </Sidebar>
      <Title headingLevel="h3" className="pf-v6-u-mt-lg">
        {t('Target names')}
      </Title>
      <Content component="p">
        {t(
          'A source name that is not a valid Kubernetes name is renamed by the migration as shown; type a name to choose another.',
        )}
      </Content>
      <TargetNamesTable wizard={wizard} />
    </>
  );
};
