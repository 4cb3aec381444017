import type { FC } from 'react';
import type { Provider } from '@forklift-console/api';
import { YamlEditor } from '../../../../components/YamlEditor.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSaveProvider } from '../../hooks/useProviderMutations.ts';

/**
 * The Provider as YAML. Save sends it whole with the resourceVersion it was read at, so an edit
 * of an older version is refused (409) rather than overwriting newer changes.
 */
export const ProviderYamlTab: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const save = useSaveProvider(namespace, name);
  return (
    <YamlEditor
      object={provider}
      ariaLabel={t('Provider YAML')}
      save={save}
      onSave={(parsed, onSaved) =>
        save.mutate({ kind: 'replace', provider: parsed as Provider }, { onSuccess: onSaved })
      }
    />
  );
};
