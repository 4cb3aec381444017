import { useMemo, useState, type FC } from 'react';
import {
  Alert,
  Button,
  Form,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { FORKLIFT_SETTINGS, type ForkliftController } from '@forklift-console/api';
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
  const canSave =
    Object.keys(changes).length > 0 && Object.keys(errors).length === 0 && !save.isPending;

  const onSave = () =>
    save.mutate(
      { kind: 'settings', resourceVersion: controller.metadata?.resourceVersion ?? '', changes },
      { onSuccess: onClose },
    );

  return (
    <Modal
      isOpen
      variant="medium"
      onClose={onClose}
      aria-labelledby="edit-settings-title"
      data-testid="edit-settings-modal"
    >
      <ModalHeader
        title={t('Edit settings')}
        labelId="edit-settings-title"
        description={t(
          'Settings apply to every migration in every project. The migration service reads them without a restart.',
        )}
      />
      <ModalBody>
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
        {save.error && (
          <Alert
            variant="danger"
            isInline
            title={t('The settings were not saved')}
            className="pf-v6-u-mt-md"
            data-testid="settings-save-error"
          >
            {save.error.message}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          onClick={onSave}
          isDisabled={!canSave}
          isLoading={save.isPending}
          data-testid="save-settings"
        >
          {t('Save')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => setValues(defaultSettingsValues())}
          data-testid="reset-settings"
        >
          {t('Reset to defaults')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
