import type { FC } from 'react';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { ProviderForm } from '../hooks/useProviderForm.ts';
import { isRemoteOpenshift } from '../utils/provider-form.ts';
import { CertificateFields } from './CertificateFields.tsx';
import { FormTextField } from '../../../components/FormTextField.tsx';

type Props = { form: ProviderForm };

/** Blank URL: the cluster this console runs in. A URL: another cluster, reached with a token. */
export const OpenshiftFields: FC<Props> = ({ form }) => {
  const { t } = useForkliftTranslation();
  const { values, setField, errorOf } = form;
  return (
    <>
      <FormTextField
        id="openshift-url"
        label={t('API endpoint URL')}
        value={values.url}
        onChange={(url) => setField('url', url)}
        placeholder="https://api.cluster.example.com:6443"
        helper={t('Leave empty to use the cluster this console runs in.')}
        error={errorOf('url')}
        testId="openshift-url-input"
      />
      {isRemoteOpenshift(values) && (
        <>
          <FormTextField
            isSecret
            id="openshift-token"
            label={t('Service account bearer token')}
            value={values.token}
            onChange={(token) => setField('token', token)}
            isRequired
            helper={t(
              'A token of a service account allowed to read and create virtual machines on that cluster.',
            )}
            error={errorOf('token')}
            testId="openshift-token-input"
          />
          <CertificateFields form={form} />
        </>
      )}
    </>
  );
};
