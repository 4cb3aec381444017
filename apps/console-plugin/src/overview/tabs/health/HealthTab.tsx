import type { FC } from 'react';
import { Card, CardBody, CardTitle, Stack, StackItem } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { ComponentsTable } from './ComponentsTable.tsx';
import { ControllerConditions } from './ControllerConditions.tsx';

export const HealthTab: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <StackItem>
        <Card>
          <CardTitle component="h2">{t('Components')}</CardTitle>
          <CardBody>
            <ComponentsTable />
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle component="h2">{t('Conditions')}</CardTitle>
          <CardBody>
            <ControllerConditions />
          </CardBody>
        </Card>
      </StackItem>
    </Stack>
  );
};
