import type { FC } from 'react';
import {
  Button,
  List,
  ListItem,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { SelectedVm } from '../utils/plan-form.ts';

type Props = {
  vms: readonly SelectedVm[];
  onConfirm: () => void;
  onDeselect: () => void;
  onCancel: () => void;
};

/** Asked on Next when selected VMs have critical concerns: the plan cannot start with them. */
export const CriticalConcernsModal: FC<Props> = ({ vms, onConfirm, onDeselect, onCancel }) => {
  const { t } = useForkliftTranslation();
  return (
    <Modal
      isOpen
      variant="small"
      onClose={onCancel}
      aria-labelledby="critical-concerns-title"
      data-testid="critical-concerns-modal"
    >
      <ModalHeader
        title={t('Confirm selections with critical issues')}
        labelId="critical-concerns-title"
        titleIconVariant="warning"
      />
      <ModalBody>
        {t(
          'These virtual machines have critical concerns; a plan that includes them cannot start until the concerns are resolved.',
        )}
        <List className="pf-v6-u-mt-sm">
          {vms.map((vm) => (
            <ListItem key={vm.id}>
              {t('{{name}}: {{count}} critical concerns', {
                name: vm.name,
                count: vm.criticalConcerns,
              })}
            </ListItem>
          ))}
        </List>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" onClick={onConfirm} data-testid="critical-confirm">
          {t('Confirm selections')}
        </Button>
        <Button variant="secondary" onClick={onDeselect} data-testid="critical-deselect">
          {t('Deselect critical issue VMs')}
        </Button>
        <Button variant="link" onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </ModalFooter>
    </Modal>
  );
};
