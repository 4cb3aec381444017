import { useState, type FC } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { sameCertificates } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useTlsCertificates } from '../hooks/useTlsCertificates.ts';
import { certificateToTrust } from '../utils/certificate.ts';
import { LoadingSpinner } from '../../../components/LoadingSpinner.tsx';

type Props = {
  url: string;
  /** The CA certificate the form holds now, to tell the user when the endpoint's differs. */
  currentCertificate: string;
  /** The project the provider is created in: fetching is allowed to who may create it there. */
  namespace: string;
  onConfirm: (pem: string) => void;
  onCancel: () => void;
};

const formatDate = (iso: string) => new Date(iso).toLocaleString();

/** Shows what the endpoint presents; only an explicit "I trust it" puts it into the form. */
export const FetchCertificateModal: FC<Props> = ({
  url,
  namespace,
  currentCertificate,
  onConfirm,
  onCancel,
}) => {
  const { t } = useForkliftTranslation();
  const chain = useTlsCertificates(url, namespace);
  const [isTrusted, setTrusted] = useState(false);
  const certificate = chain.data ? certificateToTrust(chain.data) : undefined;

  const body = () => {
    if (chain.isPending) {
      return <LoadingSpinner />;
    }
    if (chain.error || !certificate) {
      return (
        <Alert
          variant="danger"
          isInline
          title={t('Could not read the certificate')}
          data-testid="fetch-certificate-error"
        >
          {chain.error?.message}
        </Alert>
      );
    }
    const details = [
      { term: t('Subject'), value: certificate.subject, testId: 'certificate-subject' },
      { term: t('Issuer'), value: certificate.issuer, testId: 'certificate-issuer' },
      {
        term: t('SHA-256 fingerprint'),
        value: certificate.sha256Fingerprint,
        testId: 'certificate-sha256',
      },
      {
        term: t('Valid from'),
        value: formatDate(certificate.validFrom),
        testId: 'certificate-valid-from',
      },
      {
        term: t('Valid to'),
        value: formatDate(certificate.validTo),
        testId: 'certificate-valid-to',
      },
    ];
    return (
      <>
        {currentCertificate.trim() !== '' &&
          !sameCertificates(currentCertificate, certificate.pem) && (
            <Alert
              variant="warning"
              isInline
              title={t('Certificate change detected')}
              className="pf-v6-u-mb-md"
              data-testid="certificate-changed"
            >
              {t(
                'This certificate differs from the CA certificate in the form, which it replaces.',
              )}
            </Alert>
          )}
        {chain.data.length > 1 && (
          <p className="pf-v6-u-mb-md">
            {t(
              'The endpoint presented a chain of {{count}} certificates. The top of the chain is shown: trusting it keeps working when the server certificate is renewed.',
              { count: chain.data.length },
            )}
          </p>
        )}
        <DescriptionList isHorizontal isCompact>
          {details.map(({ term, value, testId }) => (
            <DescriptionListGroup key={testId}>
              <DescriptionListTerm>{term}</DescriptionListTerm>
              <DescriptionListDescription data-testid={testId}>{value}</DescriptionListDescription>
            </DescriptionListGroup>
          ))}
        </DescriptionList>
        <Checkbox
          id="trust-certificate"
          className="pf-v6-u-mt-md"
          label={t('I trust the authenticity of this certificate')}
          isChecked={isTrusted}
          onChange={(_event, checked) => setTrusted(checked)}
          data-testid="trust-certificate-checkbox"
        />
      </>
    );
  };

  return (
    <Modal
      isOpen
      variant="medium"
      onClose={onCancel}
      aria-labelledby="fetch-certificate-title"
      data-testid="fetch-certificate-modal"
    >
      <ModalHeader
        title={t('Verify certificate')}
        description={t(
          'Compare these details with what the administrator of {{url}} gives you before trusting it.',
          { url },
        )}
        labelId="fetch-certificate-title"
      />
      <ModalBody>{body()}</ModalBody>
      <ModalFooter>
        <Button
          onClick={() => certificate && onConfirm(certificate.pem)}
          isDisabled={!certificate || !isTrusted}
          data-testid="confirm-certificate-button"
        >
          {t('Confirm')}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
