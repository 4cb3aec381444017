import type { FC, ReactNode } from 'react';
import {
  Breadcrumb,
  BreadcrumbItem,
  Flex,
  FlexItem,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
  Title,
} from '@patternfly/react-core';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { K8sModel } from '@forklift-console/api';
import { useMapActionGate } from '../../hooks/useMapActionGate.ts';
import type { AnyMap } from '../../hooks/useMapMutations.ts';
import { useResource } from '../../hooks/useResource.ts';
import { BffError } from '../../utils/bff.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { mapDetailsPath, mapTabOf, type MapTabKey } from '../../utils/map-paths.ts';
import { mapStatus } from '../../utils/map-status.ts';
import { resourceListPath } from '../../utils/resource-paths.ts';
import { LoadErrorAlert } from '../LoadErrorAlert.tsx';
import { LoadingSpinner } from '../LoadingSpinner.tsx';
import { PageTitle } from '../PageTitle.tsx';
import { MapActionsMenu } from './MapActionsMenu.tsx';
import { MapStatusLabel } from './MapStatusLabel.tsx';
import { MapYamlTab } from './MapYamlTab.tsx';

type Props = {
  model: K8sModel;
  listTitle: string;
  deleteLabel: string;
  notFoundTitle: string;
  tipsButton: ReactNode;
  /** The Details tab, given the map and why it cannot be edited now (if so). */
  renderDetails: (map: AnyMap, editDisabledReason: string | undefined) => ReactNode;
};

/**
 * One map: breadcrumb, name, status, actions, and the Details and YAML tabs. The map comes from
 * the BFF and is refreshed by server push, so the controller's new conditions show without reload.
 */
export const MapDetailsPage: FC<Props> = ({
  model,
  listTitle,
  deleteLabel,
  notFoundTitle,
  tipsButton,
  renderDetails,
}) => {
  const { t } = useForkliftTranslation();
  const { namespace = '', name = '' } = useParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const { data: map, error, isPending } = useResource<AnyMap>(model, namespace, name);
  const { editDisabledReason } = useMapActionGate(model, map?.metadata);

  if (isPending) return <LoadingSpinner />;
  if (error) {
    return (
      <>
        <PageTitle title={name} actions={tipsButton} />
        <PageSection>
          <LoadErrorAlert
            title={
              error instanceof BffError && error.status === 404
                ? notFoundTitle
                : t('Could not load the map')
            }
            error={error}
            testId="map-load-error"
          />
        </PageSection>
      </>
    );
  }
  const active = mapTabOf(pathname);

  return (
    <>
      <PageSection>
        <Breadcrumb className="pf-v6-u-mb-md">
          <BreadcrumbItem>
            <Link to={resourceListPath(model, namespace)}>{listTitle}</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>{name}</BreadcrumbItem>
        </Breadcrumb>
        <Flex
          justifyContent={{ default: 'justifyContentSpaceBetween' }}
          alignItems={{ default: 'alignItemsCenter' }}
          flexWrap={{ default: 'nowrap' }}
        >
          <Flex alignItems={{ default: 'alignItemsCenter' }}>
            <FlexItem>
              <Title headingLevel="h1" data-testid="page-title">
                {name}
              </Title>
            </FlexItem>
            <FlexItem>
              <MapStatusLabel status={mapStatus(map)} testId="map-status" />
            </FlexItem>
          </Flex>
          <Flex flexWrap={{ default: 'nowrap' }}>
            <FlexItem>
              <MapActionsMenu
                model={model}
                metadata={map.metadata ?? {}}
                deleteLabel={deleteLabel}
                variant="actions"
              />
            </FlexItem>
            <FlexItem>{tipsButton}</FlexItem>
          </Flex>
        </Flex>
      </PageSection>
      <PageSection type="tabs">
        <Tabs
          activeKey={active}
          onSelect={(_event, key) =>
            navigate(mapDetailsPath(model, namespace, name, key as MapTabKey))
          }
          aria-label={t('Map tabs')}
          usePageInsets
          mountOnEnter
          unmountOnExit
        >
          <Tab
            eventKey="details"
            title={<TabTitleText>{t('Details')}</TabTitleText>}
            data-testid="map-tab-details"
          >
            {renderDetails(map, editDisabledReason)}
          </Tab>
          <Tab
            eventKey="yaml"
            title={<TabTitleText>{t('YAML')}</TabTitleText>}
            data-testid="map-tab-yaml"
          >
            <PageSection>
              <MapYamlTab model={model} map={map} />
            </PageSection>
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
};
