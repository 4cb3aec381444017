import type { FC } from 'react';
import { Label, LabelGroup } from '@patternfly/react-core';
import type { VmTableLabels } from '../../hooks/useVmTableLabels.ts';
import { formatBytes, formatMemory, type VmRow, type VmSortColumn } from '../../utils/vm-table.ts';
import { ConcernBadges } from './ConcernBadges.tsx';

type Props = {
  row: VmRow;
  column: VmSortColumn;
  labels: VmTableLabels;
};

/** What one column shows of one VM; a dash where the inventory has nothing. */
export const VmCell: FC<Props> = ({ row, column, labels }) => {
  switch (column) {
    case 'name':
      return row.name;
    case 'power':
      return <span data-testid={`vm-power-${row.name}`}>{labels.power[row.power]}</span>;
    case 'host':
      return row.hostName || '-';
    case 'folder':
      return <span title={row.path}>{row.folderName || '-'}</span>;
    case 'guestOs':
      return row.guestOs || '-';
    case 'ovfPath':
      return row.ovfPath || '-';
    case 'cpus':
      return row.cpuCount;
    case 'memory':
      return formatMemory(row.memoryMB);
    case 'disks':
      return row.diskCount > 0 ? `${row.diskCount} (${formatBytes(row.diskBytes)})` : '0';
    case 'concerns':
      return <ConcernBadges row={row} titles={labels.concernTitles} />;
    case 'project':
      return row.project || '-';
    case 'status':
      return <span data-testid={`vm-status-${row.name}`}>{row.status || '-'}</span>;
    case 'features':
      return row.features.length === 0 ? (
        '-'
      ) : (
        <LabelGroup numLabels={row.features.length}>
          {row.features.map((feature) => (
            <Label key={feature} isCompact>
              {labels.features[feature]}
            </Label>
          ))}
        </LabelGroup>
      );
    case 'template':
      return row.template || '-';
  }
};
