import type { FC } from 'react';
import { Button, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Props = { onConfirm: () => void; onCancel: () => void };

export const SkipCertificateValidationModal: FC<Props> = ({ onConfirm, onCancel }) => {
  const { t } = useForkliftTranslation();
  return (
    <Modal
      isOpen
      variant="small"
      onClose={onCancel}
      aria-labelledby="skip-validation-title"
      data-testid="skip-validation-modal"
    >
      <ModalHeader
        title={t('Skip certificate validation?')}
        titleIconVariant="warning"
        labelId="skip-validation-title"
      />
      <ModalBody>
        {t(
          'Without certificate validation, anyone able to intercept the connection can pose as the provider (a man-in-the-middle attack) and read the credentials and the virtual machine data. Only skip it on a network you trust completely.',
        )}
      </ModalBody>
      <ModalFooter>
        <Button variant="danger" onClick={onConfirm} data-testid="confirm-skip-validation">
          {t('Skip validation')}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
