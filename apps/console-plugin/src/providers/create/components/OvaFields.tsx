import type { FC } from 'react';
import { Checkbox, FormGroup } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { ProviderForm } from '../hooks/useProviderForm.ts';
import { FormTextField } from '../../../components/FormTextField.tsx';

type Props = { form: ProviderForm };

export const OvaFields: FC<Props> = ({ form }) => {
  const { t } = useForkliftTranslation();
  const { values, setField, errorOf } = form;
  return (
    <>
      <FormTextField
        id="ova-url"
        label={t('NFS shared directory')}
        value={values.url}
        onChange={(url) => setField('url', url)}
        isRequired
        placeholder="10.10.0.10:/ova"
        helper={t(
          'The NFS export that holds the OVA files, as host:/path (for example 10.10.0.10:/ova) or nfs://host/path.',
        )}
        error={errorOf('url')}
        testId="ova-url-input"
      />
      <FormGroup fieldId="ova-appliance-management" role="group">
        <Checkbox
          id="ova-appliance-management"
          label={t('Enable appliance management for local OVA file uploads')}
          isChecked={values.applianceManagement}
          onChange={(_event, checked) => setField('applianceManagement', checked)}
          description={t(
            'Users who may edit this provider can then upload .ova files into the share from its details page. Uploads also need the OVA appliance management feature of the migration service.',
          )}
          data-testid="ova-appliance-management"
        />
      </FormGroup>
    </>
  );
};
