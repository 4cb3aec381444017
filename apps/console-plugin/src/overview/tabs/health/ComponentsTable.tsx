import type { FC } from 'react';
import { Button, Label, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useServiceHealth, type ServiceComponent } from '../../hooks/useServiceHealth.ts';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';

const STATE_COLOURS: Record<string, 'green' | 'red' | 'blue' | 'grey'> = {
  Running: 'green',
  Succeeded: 'green',
  Failed: 'red',
  Starting: 'blue',
  Pending: 'blue',
};

/** The service's components, the controller first, with their status and logs. */
export const ComponentsTable: FC = () => {
  const { t } = useForkliftTranslation();
  const { bffBaseUrl } = useConsoleHost();
  const { data, error, isPending, refetch, isFetching } = useServiceHealth();

  const logsLink = (component: ServiceComponent) =>
    component.logs.kind === 'pod' ? (
      <Link to={`/k8s/ns/${component.logs.namespace}/pods/${component.name}/logs`}>
        {t('View logs')}
      </Link>
    ) : (
      <a
        href={`${bffBaseUrl}/api/v1/admin/health/${component.name}/logs`}
        target="_blank"
        rel="noreferrer"
      >
        {t('View logs')}
      </a>
    );

  if (isPending) return <Spinner aria-label={t('Loading')} />;
  if (error) {
    return <LoadErrorAlert title={t('Could not load the health of the service')} error={error} />;
  }
  return (
    <>
      <Button variant="link" isInline onClick={() => void refetch()} isLoading={isFetching}>
        {t('Refresh')}
      </Button>
      <Table aria-label={t('Components of the migration service')} variant="compact">
        <Thead>
          <Tr>
            <Th>{t('Component')}</Th>
            <Th>{t('Status')}</Th>
            <Th>{t('Created')}</Th>
            <Th>{t('Logs')}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {data.map((component) => (
            <Tr key={component.name} data-testid={`health-row-${component.name}`}>
              <Td dataLabel={t('Component')}>{component.name}</Td>
              <Td dataLabel={t('Status')}>
                <Label color={STATE_COLOURS[component.state] ?? 'grey'} isCompact>
                  {component.state}
                </Label>
                {component.message && <div>{component.message}</div>}
              </Td>
              <Td dataLabel={t('Created')}>{new Date(component.created).toLocaleString()}</Td>
              <Td dataLabel={t('Logs')}>{logsLink(component)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </>
  );
};
