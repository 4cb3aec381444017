import { useState, type FC } from 'react';
import {
  Button,
  Checkbox,
  Content,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { usePlanColumnLabels } from '../hooks/usePlanColumnLabels.ts';
import {
  DEFAULT_HIDDEN_COLUMNS,
  IDENTITY_COLUMN,
  PLAN_COLUMNS,
  type PlanColumn,
} from '../utils/plan-columns.ts';

type Props = {
  hidden: readonly PlanColumn[];
  onSave: (hidden: PlanColumn[]) => void;
  onClose: () => void;
};

/** Which columns the plans list shows; Name always does. */
export const ManageColumnsModal: FC<Props> = ({ hidden, onSave, onClose }) => {
  const { t } = useForkliftTranslation();
  const labels = usePlanColumnLabels();
  const [draft, setDraft] = useState<PlanColumn[]>([...hidden]);
  const setShown = (column: PlanColumn, isShown: boolean) =>
    setDraft((previous) =>
      isShown ? previous.filter((hiddenColumn) => hiddenColumn !== column) : [...previous, column],
    );
  return (
    <Modal
      isOpen
      variant="small"
      onClose={onClose}
      aria-labelledby="manage-columns-title"
      data-testid="manage-columns-modal"
    >
      <ModalHeader title={t('Manage columns')} labelId="manage-columns-title" />
      <ModalBody>
        <Content component="p">{t('Selected columns will be displayed in the table.')}</Content>
        {PLAN_COLUMNS.map((column) => (
          <Checkbox
            key={column}
            id={`plan-column-${column}`}
            label={labels[column]}
            isChecked={column === IDENTITY_COLUMN || !draft.includes(column)}
            isDisabled={column === IDENTITY_COLUMN}
            onChange={(_event, checked) => setShown(column, checked)}
            data-testid={`plan-column-${column}`}
          />
        ))}
      </ModalBody>
      <ModalFooter>
        <Button
          variant="primary"
          onClick={() => {
            onSave(draft);
            onClose();
          }}
          data-testid="save-columns"
        >
          {t('Save')}
        </Button>
        <Button variant="link" onClick={() => setDraft([...DEFAULT_HIDDEN_COLUMNS])}>
          {t('Restore default columns')}
        </Button>
        <Button variant="link" onClick={onClose}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
