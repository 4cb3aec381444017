import { useState, type FC } from 'react';
import { Form } from '@patternfly/react-core';
import type { K8sModel } from '@forklift-console/api';
import { useMapProviders } from '../../hooks/useMapProviders.ts';
import type { AnyMap } from '../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { providerReference, referencedProviderKey } from '../../utils/map-form.ts';
import { MapReplaceModal } from './MapReplaceModal.tsx';
import { ProviderSelect } from './ProviderSelect.tsx';

type Props = { model: K8sModel; map: AnyMap; onClose: () => void };

/** Changes the map's source and target providers; saved whole, with the resourceVersion read. */
export const EditMapProvidersModal: FC<Props> = ({ model, map, onClose }) => {
  const { t } = useForkliftTranslation();
  const { namespace = '' } = map.metadata ?? {};
  const [sourceKey, setSourceKey] = useState(
    referencedProviderKey(map.spec?.provider.source, namespace),
  );
  const [targetKey, setTargetKey] = useState(
    referencedProviderKey(map.spec?.provider.destination, namespace),
  );
  const providers = useMapProviders(namespace, sourceKey, targetKey);
  const { source, target } = providers;

  return (
    <MapReplaceModal
      model={model}
      map={map}
      testId="edit-map-providers"
      title={t('Edit providers')}
      errorTitle={t('The providers were not saved')}
      isSaveDisabled={!source || !target}
      toSave={() =>
        source && target && map.spec
          ? ({
              ...map,
              spec: {
                ...map.spec,
                provider: {
                  source: providerReference(source),
                  destination: providerReference(target),
                },
              },
            } as AnyMap)
          : undefined
      }
      onClose={onClose}
    >
      <Form>
        <ProviderSelect
          id="edit-map-source-provider"
          label={t('Source provider')}
          providers={providers.sources}
          value={sourceKey}
          onChange={setSourceKey}
          helper={t('Where the virtual machines come from.')}
        />
        <ProviderSelect
          id="edit-map-target-provider"
          label={t('Target provider')}
          providers={providers.targets}
          value={targetKey}
          onChange={setTargetKey}
          helper={t('The OpenShift cluster the virtual machines move to.')}
        />
      </Form>
    </MapReplaceModal>
  );
};
