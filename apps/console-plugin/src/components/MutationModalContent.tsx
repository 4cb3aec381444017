import type { FC, ReactNode } from 'react';
import { Alert, Button, ModalBody, ModalFooter } from '@patternfly/react-core';
import { useForkliftTranslation } from '../utils/i18n.ts';

type Props = {
  /** The modal's body; the mutation's failure is shown below it. */
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
  onCancel: () => void;
};

/** A modal's body and footer around one mutation: its failure inline, its action, Cancel. */
export const MutationModalContent: FC<Props> = ({
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
  onCancel,
}) => {
  const { t } = useForkliftTranslation();
  return (
    <>
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
        <Button variant="link" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </>
  );
};
