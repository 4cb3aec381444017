import type { FC } from 'react';
import { PageSection, Title } from '@patternfly/react-core';

export const PageTitle: FC<{ title: string }> = ({ title }) => (
  <PageSection>
    <Title headingLevel="h1" data-testid="page-title">
      {title}
    </Title>
  </PageSection>
);
