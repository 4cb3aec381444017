import type { FC } from 'react';
import { Label, Timestamp, Truncate } from '@patternfly/react-core';
import { Link } from 'react-router';
import { PlanModel, ProviderModel } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';
import { PlanMigrationStatusCell } from '../../components/PlanMigrationStatusCell.tsx';
import { planDetailsPath } from '../../utils/plan-paths.ts';
import type { PlanColumn } from '../utils/plan-columns.ts';
import type { PlanRow } from '../utils/plan-rows.ts';
import { MigrationTypeLabel } from './MigrationTypeLabel.tsx';

const NO_VALUE = '–';

/** What one column shows for one plan. */
export const PlanCell: FC<{ row: PlanRow; column: PlanColumn }> = ({ row, column }) => {
  const { t } = useForkliftTranslation();
  switch (column) {
    case 'name':
      return <Link to={planDetailsPath(row.namespace, row.name)}>{row.name}</Link>;
    case 'namespace':
      return <Link to={resourceListPath(PlanModel, row.namespace)}>{row.namespace}</Link>;
    case 'source':
      return row.sourceProvider ? (
        <>
          <Link
            to={`${resourceListPath(ProviderModel, row.sourceProvider.namespace)}/${encodeURIComponent(row.sourceProvider.name)}`}
          >
            {row.sourceProvider.name}
          </Link>{' '}
          {row.sourceProvider.type && (
            <Label isCompact variant="outline" data-testid="plan-source-type">
              {row.sourceProvider.type}
            </Label>
          )}
        </>
      ) : (
        NO_VALUE
      );
    case 'target':
      return row.targetNamespace || NO_VALUE;
    case 'vms':
      return (
        <Link to={planDetailsPath(row.namespace, row.name, 'vms')}>
          {row.vmCount === 1 ? t('1 VM') : t('{{count}} VMs', { count: row.vmCount })}
        </Link>
      );
    case 'status':
      return (
        <PlanMigrationStatusCell
          plan={row.plan}
          facts={row}
          sourceType={row.sourceProvider?.type}
        />
      );
    case 'type':
      return <MigrationTypeLabel type={row.migrationType} />;
    case 'started':
      return row.started ? <Timestamp date={new Date(row.started)} /> : NO_VALUE;
    case 'description':
      return row.description ? <Truncate content={row.description} /> : NO_VALUE;
  }
};
