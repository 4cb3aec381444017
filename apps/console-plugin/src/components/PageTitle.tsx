import type { FC, ReactNode } from 'react';
import { Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';

type Props = {
  title: string;
  /** Shown at the title's end, e.g. the page's tips button. */
  actions?: ReactNode;
};

export const PageTitle: FC<Props> = ({ title, actions }) => (
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
      {actions && <FlexItem>{actions}</FlexItem>}
    </Flex>
  </PageSection>
);
