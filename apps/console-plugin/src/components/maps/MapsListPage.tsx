import type { FC, ReactNode } from 'react';
import { EmptyState, EmptyStateBody, Flex, PageSection } from '@patternfly/react-core';
import type { K8sModel, NetworkMap, StorageMap } from '@forklift-console/api';
import { useResources } from '../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { LoadErrorAlert } from '../LoadErrorAlert.tsx';
import { LoadingSpinner } from '../LoadingSpinner.tsx';
import { PageTitle } from '../PageTitle.tsx';
import { CreateMapButton } from './CreateMapButton.tsx';
import { MapsTable } from './MapsTable.tsx';

export type MapsListPageProps = {
  model: K8sModel;
  title: string;
  createLabel: string;
  deleteLabel: string;
  emptyTitle: string;
  emptyBody: string;
  /** The page's tips button, which the feature brings (shared code knows no feature). */
  tipsButton: ReactNode;
};

/** The maps of one kind in the active project (or all), with create, status and actions. */
export const MapsListPage: FC<MapsListPageProps> = ({
  model,
  title,
  createLabel,
  deleteLabel,
  emptyTitle,
  emptyBody,
  tipsButton,
}) => {
  const { t } = useForkliftTranslation();
  const { data, error, isPending } = useResources<NetworkMap | StorageMap>(model);

  const content = () => {
    if (isPending) return <LoadingSpinner />;
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
    return <MapsTable model={model} maps={data} ariaLabel={title} deleteLabel={deleteLabel} />;
  };

  return (
    <>
      <PageTitle
        title={title}
        actions={
          <Flex flexWrap={{ default: 'nowrap' }}>
            <CreateMapButton model={model} label={createLabel} />
            {tipsButton}
          </Flex>
        }
      />
      <PageSection>{content()}</PageSection>
    </>
  );
};
