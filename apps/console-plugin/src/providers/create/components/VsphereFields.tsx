import type { FC } from 'react';
import { FormGroup, Radio } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { ProviderForm } from '../hooks/useProviderForm.ts';
import { CertificateFields } from './CertificateFields.tsx';
import { FormTextField } from '../../../components/FormTextField.tsx';
import { VddkField } from './VddkField.tsx';

type Props = { form: ProviderForm };

export const VsphereFields: FC<Props> = ({ form }) => {
  const { t } = useForkliftTranslation();
  const { values, setField, errorOf, warningOf } = form;
  return (
    <>
      <FormGroup role="radiogroup" label={t('vSphere endpoint')} fieldId="sdk-endpoint" isInline>
        <Radio
          id="sdk-endpoint-vcenter"
          name="sdk-endpoint"
          label={t('vCenter')}
          isChecked={values.sdkEndpoint === 'vcenter'}
          onChange={() => setField('sdkEndpoint', 'vcenter')}
          data-testid="vsphere-endpoint-vcenter"
        />
        <Radio
          id="sdk-endpoint-esxi"
          name="sdk-endpoint"
          label={t('ESXi')}
          isChecked={values.sdkEndpoint === 'esxi'}
          onChange={() => setField('sdkEndpoint', 'esxi')}
          data-testid="vsphere-endpoint-esxi"
        />
      </FormGroup>
      <FormTextField
        id="vsphere-url"
        label={t('URL')}
        value={values.url}
        onChange={(url) => setField('url', url)}
        isRequired
        placeholder="https://vcenter.example.com/sdk"
        helper={t('The SDK endpoint, for example https://vcenter.example.com/sdk.')}
        error={errorOf('url')}
        warning={warningOf('url')}
        testId="vsphere-url-input"
      />
      <VddkField form={form} />
      <FormTextField
        id="vsphere-username"
        label={t('Username')}
        value={values.username}
        onChange={(username) => setField('username', username)}
        isRequired
        placeholder={values.sdkEndpoint === 'vcenter' ? 'administrator@vsphere.local' : 'root'}
        error={errorOf('username')}
        testId="vsphere-username-input"
      />
      <FormTextField
        isSecret
        id="vsphere-password"
        label={t('Password')}
        value={values.password}
        onChange={(password) => setField('password', password)}
        isRequired
        error={errorOf('password')}
        testId="vsphere-password-input"
      />
      <CertificateFields form={form} />
    </>
  );
};
