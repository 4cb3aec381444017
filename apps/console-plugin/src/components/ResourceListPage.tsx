import type { FC, ReactNode } from 'react';
import { PageSection } from '@patternfly/react-core';
import { ResourceList, type ResourceListProps } from './ResourceList.tsx';
import { PageTitle } from './PageTitle.tsx';

type Props = Omit<ResourceListProps, 'ariaLabel'> & { title: string; titleActions?: ReactNode };

export const ResourceListPage: FC<Props> = ({ title, titleActions, ...list }) => (
  <>
    <PageTitle title={title} actions={titleActions} />
    <PageSection>
      <ResourceList ariaLabel={title} {...list} />
    </PageSection>
  </>
);
