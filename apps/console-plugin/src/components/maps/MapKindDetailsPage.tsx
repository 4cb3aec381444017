import { useState, type ReactNode } from 'react';
import type { AnyMap } from '../../hooks/useMapMutations.ts';
import type { MapRow } from '../../utils/map-rows.ts';
import { EditMapRowsModal } from './EditMapRowsModal.tsx';
import type { MapKind } from './map-kind.ts';
import { MapDetailsPage } from './MapDetailsPage.tsx';
import { MapDetailsTab } from './MapDetailsTab.tsx';

type Props<Map extends AnyMap, Row extends MapRow, Options, Problems> = {
  kind: MapKind<Map, Row, Options, Problems>;
  listTitle: string;
  deleteLabel: string;
  notFoundTitle: string;
  detailsTitle: string;
  /** The Map section's edit button and the title of the modal it opens. */
  editMapLabel: string;
  editErrorTitle: string;
  /** Names the edit modal's test ids, e.g. `edit-network-map`. */
  editTestId: string;
  /** The kind's read-only rows table. */
  renderTable: (map: Map) => ReactNode;
  tipsButton: ReactNode;
};

/** One map of a kind: the shared page and Details tab, with the kind's rows table and editor. */
export const MapKindDetailsPage = <Map extends AnyMap, Row extends MapRow, Options, Problems>({
  kind,
  listTitle,
  deleteLabel,
  notFoundTitle,
  detailsTitle,
  editMapLabel,
  editErrorTitle,
  editTestId,
  renderTable,
  tipsButton,
}: Props<Map, Row, Options, Problems>) => {
  const [isEditing, setIsEditing] = useState(false);
  return (
    <MapDetailsPage
      model={kind.model}
      listTitle={listTitle}
      deleteLabel={deleteLabel}
      notFoundTitle={notFoundTitle}
      tipsButton={tipsButton}
      renderDetails={(map, editDisabledReason) => (
        <>
          <MapDetailsTab
            model={kind.model}
            map={map}
            detailsTitle={detailsTitle}
            editDisabledReason={editDisabledReason}
            // The page loads the map by the kind's model, so it is this kind's map.
            mapTable={renderTable(map as Map)}
            onEditMap={() => setIsEditing(true)}
            editMapLabel={editMapLabel}
          />
          {isEditing && (
            <EditMapRowsModal
              kind={kind}
              map={map as Map}
              testId={editTestId}
              title={editMapLabel}
              errorTitle={editErrorTitle}
              onClose={() => setIsEditing(false)}
            />
          )}
        </>
      )}
    />
  );
};
