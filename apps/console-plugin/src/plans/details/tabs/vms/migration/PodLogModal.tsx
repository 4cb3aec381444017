import { useState, type FC } from 'react';
import {
  Button,
  CodeBlock,
  CodeBlockCode,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ToggleGroup,
  ToggleGroupItem,
} from '@patternfly/react-core';
import { LoadErrorAlert } from '../../../../../components/LoadErrorAlert.tsx';
import { LoadingSpinner } from '../../../../../components/LoadingSpinner.tsx';
import { useForkliftTranslation } from '../../../../../utils/i18n.ts';
import { POD_LOG_LINES, usePodLog } from '../../../hooks/usePodLog.ts';

type Props = {
  namespace: string;
  pod: string;
  containers: readonly string[];
  /** The container shown first (the serial console's for a virt-launcher pod). */
  container: string;
  title: string;
  onClose: () => void;
};

/** A migration pod's log, its last lines, one container at a time. */
export const PodLogModal: FC<Props> = ({
  namespace,
  pod,
  containers,
  container,
  title,
  onClose,
}) => {
  const { t } = useForkliftTranslation();
  const [shown, setShown] = useState(container);
  const log = usePodLog(namespace, pod, shown);
  return (
    <Modal
      isOpen
      variant="large"
      onClose={onClose}
      aria-labelledby="pod-log-title"
      data-testid="pod-log-modal"
    >
      <ModalHeader
        title={title}
        labelId="pod-log-title"
        description={t('Pod {{pod}}: the last {{count}} lines', { pod, count: POD_LOG_LINES })}
      />
      <ModalBody>
        {containers.length > 1 && (
          <ToggleGroup aria-label={t('Container')} className="pf-v6-u-mb-md">
            {containers.map((name) => (
              <ToggleGroupItem
                key={name}
                text={name}
                isSelected={name === shown}
                onChange={() => setShown(name)}
                data-testid={`pod-log-container-${name}`}
              />
            ))}
          </ToggleGroup>
        )}
        {log.isPending && <LoadingSpinner />}
        {log.error && (
          <LoadErrorAlert
            title={t('Could not read the log')}
            error={log.error}
            testId="pod-log-error"
          />
        )}
        {log.data !== undefined && (
          <CodeBlock>
            <CodeBlockCode data-testid="pod-log-text">
              {log.data || t('The log is empty.')}
            </CodeBlockCode>
          </CodeBlock>
        )}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="secondary"
          onClick={() => void log.refetch()}
          isLoading={log.isFetching}
          data-testid="pod-log-refresh"
        >
          {t('Refresh')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Close')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
