import type { FC } from 'react';
import { PageSection } from '@patternfly/react-core';
import { ResourceList, type ResourceListProps } from './ResourceList.tsx';
import { PageTitle } from './PageTitle.tsx';

type Props = Omit<ResourceListProps, 'ariaLabel'> & { title: string };

export const ResourceListPage: FC<Props> = ({ title, ...list }) => (
  <>
    <PageTitle title={title} />
    <PageSection>
      <ResourceList ariaLabel={title} {...list} />
    </PageSection>
  </>
);
