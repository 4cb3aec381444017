import { useState, type ReactNode } from 'react';
import { Alert, Button, Flex, FlexItem, Title, Tooltip } from '@patternfly/react-core';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import { Link } from 'react-router';
import type { K8sModel } from '@forklift-console/api';
import { EditMapRowsModal } from '../../../../components/maps/EditMapRowsModal.tsx';
import type { MapKind } from '../../../../components/maps/map-kind.ts';
import { LoadingSpinner } from '../../../../components/LoadingSpinner.tsx';
import type { AnyMap } from '../../../../hooks/useMapMutations.ts';
import { useResource } from '../../../../hooks/useResource.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { mapDetailsPath } from '../../../../utils/map-paths.ts';
import type { MapRow } from '../../../../utils/map-rows.ts';

type Props<Map extends AnyMap, Row extends MapRow, Options, Problems> = {
  kind: MapKind<Map, Row, Options, Problems>;
  model: K8sModel;
  namespace: string;
  mapName: string | undefined;
  title: string;
  editLabel: string;
  testId: string;
  renderTable: (map: Map) => ReactNode;
  /** Why the plan (and so its maps) cannot be edited now. */
  editDisabledReason?: string;
  /** The project the plan's VMs migrate into: what the map's targets must be reachable from. */
  targetProject: string;
};

/** One of the plan's maps: its name, its rows, and their editor in place (the map routes' PUT). */
export const PlanMapSection = <Map extends AnyMap, Row extends MapRow, Options, Problems>({
  kind,
  model,
  namespace,
  mapName,
  title,
  editLabel,
  testId,
  renderTable,
  editDisabledReason,
  targetProject,
}: Props<Map, Row, Options, Problems>) => {
  const { t } = useForkliftTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const map = useResource<Map>(model, namespace, mapName);
  const editButton = (
    <Button
      variant="secondary"
      icon={<PencilAltIcon />}
      onClick={() => setIsEditing(true)}
      isAriaDisabled={Boolean(editDisabledReason) || !map.data}
      data-testid={`${testId}-edit`}
    >
      {editLabel}
    </Button>
  );

  return (
    <section data-testid={testId}>
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
        className="pf-v6-u-mb-md"
      >
        <FlexItem>
          <Title headingLevel="h2">{title}</Title>
          {mapName && (
            <Link to={mapDetailsPath(model, namespace, mapName)} data-testid={`${testId}-link`}>
              {mapName}
            </Link>
          )}
        </FlexItem>
        <FlexItem>
          {editDisabledReason ? (
            <Tooltip content={editDisabledReason}>{editButton}</Tooltip>
          ) : (
            editButton
          )}
        </FlexItem>
      </Flex>
      {!mapName ? (
        <Alert variant="warning" isInline isPlain title={t('The plan names no map here')} />
      ) : map.isPending ? (
        <LoadingSpinner />
      ) : map.error ? (
        <Alert variant="danger" isInline isPlain title={t('Could not load the map')}>
          {map.error.message}
        </Alert>
      ) : (
        renderTable(map.data)
      )}
      {isEditing && map.data && (
        <EditMapRowsModal
          kind={kind}
          map={map.data}
          testId={`${testId}-modal`}
          title={editLabel}
          errorTitle={t('The map was not saved')}
          planTargetProject={targetProject}
          onClose={() => setIsEditing(false)}
        />
      )}
    </section>
  );
};
