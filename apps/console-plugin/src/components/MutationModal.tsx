import type { FC, ReactNode } from 'react';
import {
  Alert,
  Button,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  type ModalHeaderProps,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';

type Props = {
  title: string;
  description?: ReactNode;
  titleIconVariant?: ModalHeaderProps['titleIconVariant'];
  variant?: 'small' | 'medium';
  /** The modal's data-testid; its title's id is `<testId>-title`. */
  testId: string;
  /** Closes the modal: Cancel, Escape and the close button. */
  onClose: () => void;
  /** The modal's fields; the mutation's failure is shown below them. */
  children: ReactNode;
  mutation: { error: Error | null; isPending: boolean };
  errorTitle: string;
  errorTestId: string;
  actionLabel: string;
  actionVariant?: 'primary' | 'danger';
  actionTestId: string;
  onAction: () => void;
  /** Disables the action besides while the mutation runs (e.g. nothing changed yet). */
  isActionDisabled?: boolean;
  /** Buttons between the action and Cancel. */
  secondaryActions?: ReactNode;
};

/**
 * A modal around one mutation: its title, the fields it is given, the mutation's failure inline,
 * its action (busy while the mutation runs) and Cancel. Each modal brings only its fields and its
 * mutation.
 */
export const MutationModal: FC<Props> = ({
  title,
  description,
  titleIconVariant,
  variant = 'small',
  testId,
  onClose,
  children,
  mutation,
  errorTitle,
  errorTestId,
  actionLabel,
  actionVariant = 'primary',
  actionTestId,
  onAction,
  isActionDisabled = false,
  secondaryActions,
}) => {
  const { t } = useForkliftTranslation();
  const titleId = `${testId}-title`;
  return (
    <Modal
      isOpen
      variant={variant}
      onClose={onClose}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <ModalHeader
        title={title}
        labelId={titleId}
        description={description}
        titleIconVariant={titleIconVariant}
      />
      <ModalBody>
        {children}
        {mutation.error && (
          <Alert
            variant="danger"
            isInline
            title={errorTitle}
            className="pf-v6-u-mt-md"
            data-testid={errorTestId}
          >
            {mutation.error.message}
          </Alert>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant={actionVariant}
          onClick={onAction}
          isDisabled={isActionDisabled || mutation.isPending}
          isLoading={mutation.isPending}
          data-testid={actionTestId}
        >
          {actionLabel}
        </Button>
        {secondaryActions}
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
