import { useState, type FC } from 'react';
import { Button, FileUpload, FormGroup, Radio } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { ProviderForm } from '../hooks/useProviderForm.ts';
import { httpsUrlError } from '../utils/validate-provider-fields.ts';
import { FetchCertificateModal } from './FetchCertificateModal.tsx';
import { FieldHelperText } from '../../../components/FieldHelperText.tsx';
import { SkipCertificateValidationModal } from './SkipCertificateValidationModal.tsx';

type Props = { form: ProviderForm };

type OpenModal = 'fetch' | 'skip' | undefined;

/** How the provider's TLS certificate is checked: a CA of the user's, the system's, or not at all. */
export const CertificateFields: FC<Props> = ({ form }) => {
  const { t } = useForkliftTranslation();
  const { values, setField, errorOf } = form;
  const [filename, setFilename] = useState('');
  const [openModal, setOpenModal] = useState<OpenModal>();
  // Text that did not come from the file (typed, fetched, cleared) no longer carries its name.
  const setCertificateText = (pem: string) => {
    setField('caCertificate', pem);
    setFilename('');
  };
  const canFetch = httpsUrlError(values.url, t) === undefined;
  const error = errorOf('caCertificate');

  return (
    <>
      <FormGroup
        role="radiogroup"
        label={t('Certificate validation')}
        isRequired
        fieldId="certificate-mode"
        isStack
      >
        <Radio
          id="certificate-custom"
          name="certificate-mode"
          label={t('Use a custom CA certificate')}
          description={t(
            'For endpoints whose certificate a private CA signed, or that sign their own.',
          )}
          isChecked={values.certificateMode === 'custom'}
          onChange={() => setField('certificateMode', 'custom')}
          data-testid="certificate-custom-radio"
        />
        <Radio
          id="certificate-system"
          name="certificate-mode"
          label={t('Use the system CA certificates')}
          description={t(
            'For endpoints with a certificate from a public or cluster-wide trusted CA.',
          )}
          isChecked={values.certificateMode === 'system'}
          onChange={() => setField('certificateMode', 'system')}
          data-testid="certificate-system-radio"
        />
        <Radio
          id="certificate-skip"
          name="certificate-mode"
          label={t('Skip certificate validation')}
          description={t('Not recommended: the connection can be intercepted.')}
          isChecked={values.certificateMode === 'skip'}
          onChange={() => setOpenModal('skip')}
          data-testid="certificate-skip-radio"
        />
      </FormGroup>
      {values.certificateMode === 'custom' && (
        <FormGroup label={t('CA certificate')} isRequired fieldId="ca-certificate">
          <FileUpload
            id="ca-certificate"
            type="text"
            value={values.caCertificate}
            filename={filename}
            filenamePlaceholder={t('Drag and drop a PEM file or upload one')}
            browseButtonText={t('Upload')}
            clearButtonText={t('Clear')}
            onFileInputChange={(_event, file) => setFilename(file.name)}
            onDataChange={(_event, data) => setField('caCertificate', data)}
            onTextChange={(_event, text) => setCertificateText(text)}
            onClearClick={() => setCertificateText('')}
            allowEditingUploadedText
            validated={error ? 'error' : 'default'}
            aria-label={t('CA certificate')}
            data-testid="ca-certificate-upload"
          />
          <FieldHelperText
            error={error}
            helper={t(
              'Paste, drop or upload the PEM certificate of the CA that signed the endpoint.',
            )}
            testId="ca-certificate"
          />
          <Button
            variant="secondary"
            className="pf-v6-u-mt-sm"
            isDisabled={!canFetch}
            onClick={() => setOpenModal('fetch')}
            data-testid="fetch-certificate-button"
          >
            {t('Fetch certificate from URL')}
          </Button>
        </FormGroup>
      )}
      {openModal === 'fetch' && (
        <FetchCertificateModal
          url={values.url.trim()}
          namespace={values.namespace}
          currentCertificate={values.caCertificate}
          onConfirm={(pem) => {
            setCertificateText(pem);
            setOpenModal(undefined);
          }}
          onCancel={() => setOpenModal(undefined)}
        />
      )}
      {openModal === 'skip' && (
        <SkipCertificateValidationModal
          onConfirm={() => {
            setField('certificateMode', 'skip');
            setOpenModal(undefined);
          }}
          onCancel={() => setOpenModal(undefined)}
        />
      )}
    </>
  );
};
