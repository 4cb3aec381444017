import { useState, type FC } from 'react';
import { Checkbox, Form } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSaveProvider } from '../../hooks/useProviderMutations.ts';

/** Turns uploads into an OVA provider's share on or off (spec.settings.applianceManagement). */
export const ApplianceManagementModal: FC<{ provider: Provider; onClose: () => void }> = ({
  provider,
  onClose,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const stored = provider.spec?.settings?.applianceManagement === 'true';
  const [enabled, setEnabled] = useState(stored);
  const save = useSaveProvider(namespace, name);

  return (
    <MutationModal
      testId="appliance-management-modal"
      onClose={onClose}
      title={t('Edit appliance management')}
      description={t(
        'With appliance management, users who may edit this provider can upload .ova files into its share from its details page.',
      )}
      mutation={save}
      errorTitle={t('The setting was not saved')}
      errorTestId="appliance-management-error"
      actionLabel={t('Save')}
      actionTestId="appliance-management-save"
      onAction={() =>
        save.mutate(
          {
            kind: 'patch',
            patch: { spec: { settings: { applianceManagement: enabled ? 'true' : null } } },
          },
          { onSuccess: onClose },
        )
      }
      isActionDisabled={enabled === stored}
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        <Checkbox
          id="appliance-management"
          label={t('Enable appliance management for local OVA file uploads')}
          isChecked={enabled}
          onChange={(_event, checked) => setEnabled(checked)}
          data-testid="appliance-management-checkbox"
        />
      </Form>
    </MutationModal>
  );
};
