import type { FC } from 'react';
import { Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import { TipsButton } from '../tips/TipsButton.tsx';

export const PageTitle: FC<{ title: string }> = ({ title }) => (
  <PageSection>
    <Flex
      justifyContent={{ default: 'justifyContentSpaceBetween' }}
      alignItems={{ default: 'alignItemsCenter' }}
      flexWrap={{ default: 'nowrap' }}
    >
      <FlexItem>
        <Title headingLevel="h1" data-testid="page-title">
          {title}
        </Title>
      </FlexItem>
      <FlexItem>
        <TipsButton />
      </FlexItem>
    </Flex>
  </PageSection>
);
