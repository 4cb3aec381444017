import { useState, type FC } from 'react';
import {
  Button,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Spinner,
} from '@patternfly/react-core';
import { FORKLIFT_SETTINGS } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useForkliftController } from '../../hooks/useForkliftController.ts';
import { formatSettingValue } from '../../utils/setting-display.ts';
import { SettingsEditModal } from './SettingsEditModal.tsx';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';

export const SettingsTab: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: controller, error, isPending } = useForkliftController();
  const [isEditing, setIsEditing] = useState(false);

  if (isPending) return <Spinner aria-label={t('Loading')} />;
  if (error) {
    return <LoadErrorAlert title={t('Could not load the settings')} error={error} />;
  }
  const spec = (controller.spec ?? {}) as Record<string, unknown>;

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setIsEditing(true)}
        data-testid="edit-settings-button"
        className="pf-v6-u-mb-md"
      >
        {t('Edit settings')}
      </Button>
      <DescriptionList isHorizontal data-testid="settings-list">
        {FORKLIFT_SETTINGS.map((setting) => {
          const value = spec[setting.key];
          const shown =
            typeof value === 'number' || typeof value === 'string'
              ? formatSettingValue(setting, value, t)
              : setting.defaultValue === undefined
                ? t(setting.defaultLabel ?? '')
                : t('{{value}} (default)', {
                    value: formatSettingValue(setting, setting.defaultValue, t),
                  });
          return (
            <DescriptionListGroup key={setting.key}>
              <DescriptionListTerm>{t(setting.label)}</DescriptionListTerm>
              <DescriptionListDescription data-testid={`setting-${setting.key}`}>
                {shown}
              </DescriptionListDescription>
            </DescriptionListGroup>
          );
        })}
      </DescriptionList>
      {isEditing && (
        <SettingsEditModal controller={controller} onClose={() => setIsEditing(false)} />
      )}
    </>
  );
};
