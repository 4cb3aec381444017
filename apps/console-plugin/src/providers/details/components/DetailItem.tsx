import type { FC, ReactNode } from 'react';
import {
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
} from '@patternfly/react-core';

type Props = { term: string; testId: string; children: ReactNode };

export const DetailItem: FC<Props> = ({ term, testId, children }) => (
  <DescriptionListGroup>
    <DescriptionListTerm>{term}</DescriptionListTerm>
    <DescriptionListDescription data-testid={testId}>{children}</DescriptionListDescription>
  </DescriptionListGroup>
);
