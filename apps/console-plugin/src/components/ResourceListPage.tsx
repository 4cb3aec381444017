import type { FC, ReactNode } from 'react';
import {
  Alert,
  Bullseye,
  EmptyState,
  EmptyStateBody,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import type { K8sModel } from '@forklift-console/api';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { useResources } from '../hooks/useResources.ts';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { ResourceTable } from './ResourceTable.tsx';

type Props = {
  title: string;
  model: K8sModel;
  /** What the list is called when empty, e.g. "No providers found". */
  emptyTitle: string;
  emptyBody: string;
  /** Shown above the list, e.g. to say which parts of the page are not built yet. */
  notice?: ReactNode;
};

export const ResourceListPage: FC<Props> = ({ title, model, emptyTitle, emptyBody, notice }) => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const { data, error, isPending } = useResources(model);

  const content = () => {
    if (isPending) {
      return (
        <Bullseye>
          <Spinner aria-label={t('Loading')} />
        </Bullseye>
      );
    }
    if (error) {
      return (
        <Alert
          variant="danger"
          isInline
          title={t('Could not load the list')}
          data-testid="list-error"
        >
          {error.message}
        </Alert>
      );
    }
    if (data.length === 0) {
      return (
        <EmptyState titleText={emptyTitle} headingLevel="h2" data-testid="empty-state">
          <EmptyStateBody>{emptyBody}</EmptyStateBody>
        </EmptyState>
      );
    }
    return (
      <ResourceTable
        resources={data}
        showNamespace={model.namespaced && !activeNamespace}
        ariaLabel={title}
      />
    );
  };

  return (
    <>
      <PageSection>
        <Title headingLevel="h1" data-testid="page-title">
          {title}
        </Title>
      </PageSection>
      <PageSection>
        {notice}
        {content()}
      </PageSection>
    </>
  );
};
