import { useMemo, useState, type FC } from 'react';
import { Button, Form } from '@patternfly/react-core';
import { FORKLIFT_SETTINGS, type ForkliftController } from '@forklift-console/api';
import { MutationModal } from '../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useSaveForkliftController } from '../../hooks/useSaveForkliftController.ts';
import {
  defaultSettingsValues,
  initialSettingsValues,
  settingsChanges,
  settingsErrors,
  type SettingsValues,
} from '../../utils/settings-form.ts';
import { SettingField } from './SettingField.tsx';

type Props = { controller: ForkliftController; onClose: () => void };

export const SettingsEditModal: FC<Props> = ({ controller, onClose }) => {
  const { t } = useForkliftTranslation();
  const initial = useMemo(
    () => initialSettingsValues(controller.spec as Record<string, unknown> | undefined),
    [controller.spec],
  );
  const [values, setValues] = useState<SettingsValues>(initial);
  const save = useSaveForkliftController();
  const changes = settingsChanges(initial, values);
  const errors = settingsErrors(initial, values);
  const canSave = Object.keys(changes).length > 0 && Object.keys(errors).length === 0;

  const onSave = () =>
    save.mutate(
      { kind: 'settings', resourceVersion: controller.metadata?.resourceVersion ?? '', changes },
      { onSuccess: onClose },
    );

  return (
    <MutationModal
      variant="medium"
      testId="edit-settings-modal"
      onClose={onClose}
      title={t('Edit settings')}
      description={t(
        'Settings apply to every migration in every project. The migration service reads them without a restart.',
      )}
      mutation={save}
      errorTitle={t('The settings were not saved')}
      errorTestId="settings-save-error"
      actionLabel={t('Save')}
      actionTestId="save-settings"
      onAction={onSave}
      isActionDisabled={!canSave}
      secondaryActions={
        <Button
          variant="secondary"
          onClick={() => setValues(defaultSettingsValues())}
          data-testid="reset-settings"
        >
          {t('Reset to defaults')}
        </Button>
      }
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        {FORKLIFT_SETTINGS.map((setting) => (
          <SettingField
            key={setting.key}
            setting={setting}
            value={values[setting.key]}
            error={errors[setting.key]}
            onChange={(value) => setValues((current) => ({ ...current, [setting.key]: value }))}
          />
        ))}
      </Form>
    </MutationModal>
  );
};
