import type { FC } from 'react';
import { Spinner } from '@patternfly/react-core';
import type { ForkliftController } from '@forklift-console/api';
import { YamlEditor } from '../../../components/YamlEditor.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useForkliftController } from '../../hooks/useForkliftController.ts';
import { useSaveForkliftController } from '../../hooks/useSaveForkliftController.ts';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';

/** The ForkliftController as YAML; Save sends it whole and shows the API server's verdict. */
export const ForkliftControllerYamlTab: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: controller, error, isPending } = useForkliftController();
  const save = useSaveForkliftController();

  if (isPending) return <Spinner aria-label={t('Loading')} />;
  if (error) {
    return <LoadErrorAlert title={t('Could not load the ForkliftController')} error={error} />;
  }
  return (
    <YamlEditor
      object={controller}
      ariaLabel={t('ForkliftController YAML')}
      save={save}
      onSave={(parsed, onSaved) =>
        save.mutate(
          { kind: 'yaml', controller: parsed as ForkliftController },
          { onSuccess: onSaved },
        )
      }
    />
  );
};
