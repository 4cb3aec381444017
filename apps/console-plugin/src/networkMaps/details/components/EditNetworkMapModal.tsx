import { useState, type FC } from 'react';
import { NetworkMapModel, type NetworkMap } from '@forklift-console/api';
import { MutationModal } from '../../../components/MutationModal.tsx';
import { useMapProviders } from '../../../hooks/useMapProviders.ts';
import { useReplaceMap } from '../../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { referencedProviderKey } from '../../../utils/map-form.ts';
import { NetworkRowsEditor } from '../../components/NetworkRowsEditor.tsx';
import { useNetworkMapOptions } from '../../hooks/useNetworkMapOptions.ts';
import {
  hasNetworkRowsProblems,
  networkMapEntries,
  networkRowsFromEntries,
  networkRowsProblems,
  type NetworkRow,
} from '../../utils/network-rows.ts';

/** Add, remove and change rows; saved whole with the resourceVersion read (409 when stale). */
export const EditNetworkMapModal: FC<{ map: NetworkMap; onClose: () => void }> = ({
  map,
  onClose,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = map.metadata ?? {};
  const providers = useMapProviders(
    namespace,
    referencedProviderKey(map.spec?.provider.source, namespace),
    referencedProviderKey(map.spec?.provider.destination, namespace),
  );
  const options = useNetworkMapOptions(providers.source, providers.target, namespace);
  const [edited, setEdited] = useState<NetworkRow[]>();
  // Until the user changes something, the rows follow the stored map and the inventory's labels.
  const rows = edited ?? networkRowsFromEntries(map.spec?.map ?? [], options.sources);
  const problems = networkRowsProblems(rows);
  const save = useReplaceMap(NetworkMapModel, namespace, name);
  const [triedToSave, setTriedToSave] = useState(false);

  return (
    <MutationModal
      testId="edit-network-map-modal"
      title={t('Edit network map')}
      variant="medium"
      onClose={onClose}
      mutation={save}
      errorTitle={t('The network map was not saved')}
      errorTestId="edit-network-map-error"
      actionLabel={t('Save')}
      actionTestId="edit-network-map-save"
      isActionDisabled={edited === undefined}
      onAction={() => {
        setTriedToSave(true);
        if (hasNetworkRowsProblems(problems) || !map.spec) return;
        save.mutate(
          { ...map, spec: { ...map.spec, map: networkMapEntries(rows) } },
          { onSuccess: onClose },
        );
      }}
    >
      <NetworkRowsEditor
        rows={rows}
        onChange={setEdited}
        sources={options.sources}
        targets={options.targets}
        problems={problems}
        showIncomplete={triedToSave}
      />
    </MutationModal>
  );
};
