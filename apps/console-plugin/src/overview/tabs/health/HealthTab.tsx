import type { FC } from 'react';
import { Card, CardBody, CardTitle, Stack, StackItem, Title } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { ComponentsTable } from './ComponentsTable.tsx';
import { ConditionsTable } from './ConditionsTable.tsx';

export const HealthTab: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <Stack hasGutter>
      <StackItem>
        <Card>
          <CardTitle>
            <Title headingLevel="h2">{t('Components')}</Title>
          </CardTitle>
          <CardBody>
            <ComponentsTable />
          </CardBody>
        </Card>
      </StackItem>
      <StackItem>
        <Card>
          <CardTitle>
            <Title headingLevel="h2">{t('Conditions')}</Title>
          </CardTitle>
          <CardBody>
            <ConditionsTable />
          </CardBody>
        </Card>
      </StackItem>
    </Stack>
  );
};
