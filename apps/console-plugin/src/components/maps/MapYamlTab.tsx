import type { FC } from 'react';
import type { K8sModel } from '@forklift-console/api';
import { useReplaceMap, type AnyMap } from '../../hooks/useMapMutations.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { YamlEditor } from '../YamlEditor.tsx';

/** The map as YAML; Save replaces it with the resourceVersion it was read at (409 when stale). */
export const MapYamlTab: FC<{ model: K8sModel; map: AnyMap }> = ({ model, map }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = map.metadata ?? {};
  const save = useReplaceMap(model, namespace, name);
  return (
    <YamlEditor
      object={map}
      ariaLabel={t('Map YAML')}
      save={save}
      onSave={(parsed, onSaved) => save.mutate(parsed as AnyMap, { onSuccess: onSaved })}
    />
  );
};
