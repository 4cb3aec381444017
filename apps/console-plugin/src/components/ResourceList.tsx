import type { FC, ReactNode } from 'react';
import { EmptyState, EmptyStateBody } from '@patternfly/react-core';
import type { K8sModel } from '@forklift-console/api';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { useResources } from '../hooks/useResources.ts';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { LoadErrorAlert } from './LoadErrorAlert.tsx';
import { LoadingSpinner } from './LoadingSpinner.tsx';
import { ResourceTable } from './ResourceTable.tsx';

export type ResourceListProps = {
  model: K8sModel;
  ariaLabel: string;
  /** What the list is called when empty, e.g. "No providers found". */
  emptyTitle: string;
  emptyBody: string;
  /** Shown above the list, e.g. to say which parts of the page are not built yet. */
  notice?: ReactNode;
};

/** The resources of one kind in the active project, with loading, error and empty states. */
export const ResourceList: FC<ResourceListProps> = ({
  model,
  ariaLabel,
  emptyTitle,
  emptyBody,
  notice,
}) => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const { data, error, isPending } = useResources(model);

  const content = () => {
    if (isPending) {
      return <LoadingSpinner />;
    }
    if (error) {
      return (
        <LoadErrorAlert title={t('Could not load the list')} error={error} testId="list-error" />
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
        ariaLabel={ariaLabel}
      />
    );
  };

  return (
    <>
      {notice}
      {content()}
    </>
  );
};
