import type { FC } from 'react';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { ProviderForm } from '../hooks/useProviderForm.ts';
import { FormTextField } from './FormTextField.tsx';

type Props = { form: ProviderForm };

export const OvaFields: FC<Props> = ({ form }) => {
  const { t } = useForkliftTranslation();
  const { values, setField, errorOf } = form;
  return (
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
  );
};
