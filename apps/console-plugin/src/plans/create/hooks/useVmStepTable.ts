// The Virtual machines step's table state: the query (checked as typed, answered by the server),
// the Selected toggle, the vSphere folder, sort and page, over one inventory read.
import { useDeferredValue, useMemo, useState } from 'react';
import type { Provider } from '@forklift-console/api';
import { pageOfRows, shownPageOf, sortVmRows, type VmSort } from '../../../utils/vm-table.ts';
import type { SelectedVm } from '../utils/plan-form.ts';
import { readVmQuery } from '../utils/vm-query-text.ts';
import { folderTreeOf } from '../utils/vm-folders.ts';
import { shownRows } from '../utils/vm-selection.ts';
import { useSourceVms } from './useSourceVms.ts';

export const VM_STEP_PER_PAGE = 50;

export const useVmStepTable = (
  provider: Provider | undefined,
  selected: ReadonlyMap<string, SelectedVm>,
) => {
  const [queryText, setQueryText] = useState('');
  const read = readVmQuery(queryText);
  // Keystrokes show at once; the server is asked for the query the typing settles on.
  const sentQuery = useDeferredValue(read.state === 'valid' ? read.query : '');
  const [onlySelected, setOnlySelected] = useState(false);
  // The selected VMs are shown whatever the query, so that a VM chosen under another query can be
  // found again and unselected.
  const vms = useSourceVms(provider, read.state === 'invalid' || onlySelected ? '' : sentQuery);
  const [folder, setFolder] = useState('');
  const [sort, setSort] = useState<VmSort>({ column: 'name', direction: 'asc' });
  const [page, setPage] = useState(1);

  const sorted = useMemo(() => sortVmRows(vms.rows, sort), [vms.rows, sort]);
  const matching = useMemo(
    () => shownRows(sorted, selected, { onlySelected, folder }),
    [sorted, selected, onlySelected, folder],
  );
  const shownPage = shownPageOf(page, matching.length, VM_STEP_PER_PAGE);
  const visible = useMemo(
    () => pageOfRows(matching, shownPage, VM_STEP_PER_PAGE),
    [matching, shownPage],
  );
  const folderTree = useMemo(() => folderTreeOf(vms.rows), [vms.rows]);

  return {
    vms,
    queryText,
    setQueryText: (text: string) => {
      setQueryText(text);
      setPage(1);
    },
    read,
    onlySelected,
    setOnlySelected: (next: boolean) => {
      setOnlySelected(next);
      setPage(1);
    },
    folder,
    setFolder: (next: string) => {
      setFolder(next);
      setPage(1);
    },
    folderTree,
    sort,
    setSort,
    page: shownPage,
    setPage,
    matching,
    visible,
  };
};

export type VmStepTable = ReturnType<typeof useVmStepTable>;
