import type { FC } from 'react';
import { Progress, ProgressMeasureLocation, ProgressSize } from '@patternfly/react-core';
import { taskTransfer, type PipelineTask } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import { formatDuration, formatMib } from '../../../utils/migration-vms.ts';

/** One disk's copy: a bar with MiB copied of the total, the throughput and the time left. */
export const DiskTaskProgress: FC<{ task: PipelineTask }> = ({ task }) => {
  const { t } = useForkliftTranslation();
  const transfer = taskTransfer(task, new Date());
  const figures = [
    t('{{completed}} of {{total}} MiB', { completed: transfer.completed, total: transfer.total }),
    transfer.throughput === undefined
      ? undefined
      : t('{{rate}} MiB/s', { rate: formatMib(transfer.throughput) }),
    transfer.etaSeconds === undefined
      ? undefined
      : t('{{time}} left', { time: formatDuration(transfer.etaSeconds) }),
  ].filter(Boolean);
  return (
    <Progress
      value={transfer.percent}
      title={task.name}
      size={ProgressSize.sm}
      measureLocation={ProgressMeasureLocation.outside}
      helperText={figures.join(' · ')}
      variant={task.error ? 'danger' : task.completed ? 'success' : undefined}
      data-testid={`disk-progress-${task.name}`}
    />
  );
};
