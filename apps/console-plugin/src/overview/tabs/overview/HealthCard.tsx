import type { FC } from 'react';
import { Card, CardBody, CardTitle } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { ComponentsTable } from '../health/ComponentsTable.tsx';

/** The Health tab's components table, so that a failing component shows on the first page. */
export const HealthCard: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Card>
      <CardTitle component="h2">{t('Health')}</CardTitle>
      <CardBody>
        <ComponentsTable />
      </CardBody>
    </Card>
  );
};
