import { useState } from 'react';
import { useMapProviders } from '../../hooks/useMapProviders.ts';
import type { AnyMap } from '../../hooks/useMapMutations.ts';
import { referencedProviderKey } from '../../utils/map-form.ts';
import type { MapRow } from '../../utils/map-rows.ts';
import type { MapKind } from './map-kind.ts';
import { MapReplaceModal } from './MapReplaceModal.tsx';

type Props<Map extends AnyMap, Row extends MapRow, Options, Problems> = {
  kind: MapKind<Map, Row, Options, Problems>;
  map: Map;
  /** Names the modal's test ids, e.g. `edit-network-map` for `edit-network-map-modal`. */
  testId: string;
  title: string;
  errorTitle: string;
  /** When the map serves a plan: the project its VMs migrate into. */
  planTargetProject?: string;
  onClose: () => void;
};

/** Add, remove and change a map's rows in the kind's editor; saved whole, 409 when stale. */
export const EditMapRowsModal = <Map extends AnyMap, Row extends MapRow, Options, Problems>({
  kind,
  map,
  testId,
  title,
  errorTitle,
  planTargetProject,
  onClose,
}: Props<Map, Row, Options, Problems>) => {
  const { namespace = '' } = map.metadata ?? {};
  const providers = useMapProviders(
    namespace,
    referencedProviderKey(map.spec?.provider.source, namespace),
    referencedProviderKey(map.spec?.provider.destination, namespace),
  );
  const options = kind.useOptions(
    providers.source,
    providers.target,
    planTargetProject ?? namespace,
    planTargetProject !== undefined,
  );
  const [edited, setEdited] = useState<Row[]>();
  // Until the user changes something, the rows follow the stored map and the inventory's labels.
  const rows = edited ?? kind.rowsFromEntries(map.spec?.map ?? [], options.sources);
  const problems = kind.rowsProblems(rows);
  const [triedToSave, setTriedToSave] = useState(false);
  const { RowsEditor } = kind;

  return (
    <MapReplaceModal
      model={kind.model}
      map={map}
      testId={testId}
      title={title}
      errorTitle={errorTitle}
      isSaveDisabled={edited === undefined}
      toSave={() => {
        setTriedToSave(true);
        if (kind.hasRowsProblems(problems) || !map.spec) return undefined;
        return { ...map, spec: { ...map.spec, map: kind.entries(rows) } } as AnyMap;
      }}
      onClose={onClose}
    >
      <RowsEditor
        rows={rows}
        onChange={setEdited}
        options={options}
        problems={problems}
        showIncomplete={triedToSave}
      />
    </MapReplaceModal>
  );
};
