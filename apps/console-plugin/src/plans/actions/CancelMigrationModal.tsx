import { useState, type FC } from 'react';
import { Button, Checkbox, Content, Flex, FlexItem } from '@patternfly/react-core';
import { MutationModal } from '../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { useCancelVms } from './hooks/useMigrationActions.ts';
import type { PlanKey } from './hooks/usePlanActionMutations.ts';
import type { CancelableVm } from './utils/cancelable-vms.ts';

type Props = {
  plan: PlanKey;
  vms: readonly CancelableVm[];
  /** The VMs ticked when the modal opens: all of them unless one VM's Cancel opened it. */
  preselected?: readonly string[];
  onClose: () => void;
};

/** "Cancel virtual machines migration?": the chosen VMs join the Migration's cancel list. */
export const CancelMigrationModal: FC<Props> = ({ plan, vms, preselected, onClose }) => {
  const { t } = useForkliftTranslation();
  const cancel = useCancelVms(plan);
  const [chosen, setChosen] = useState(() => new Set(preselected ?? vms.map((vm) => vm.id)));
  const toggle = (id: string, isChecked: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (isChecked) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChosen = vms.every((vm) => chosen.has(vm.id));
  return (
    <MutationModal
      testId="cancel-migration-modal"
      title={t('Cancel virtual machines migration?')}
      titleIconVariant="warning"
      onClose={onClose}
      mutation={cancel}
      errorTitle={t('The VMs were not canceled')}
      errorTestId="cancel-migration-error"
      actionLabel={t('Cancel migration of {{count}} VMs', { count: chosen.size })}
      actionVariant="danger"
      actionTestId="confirm-cancel-migration"
      isActionDisabled={chosen.size === 0}
      onAction={() => cancel.mutate([...chosen], { onSuccess: onClose })}
    >
      <Content component="p">
        {t(
          'The migration of the chosen VMs stops and what it made for them is removed. A source VM that was running is powered on again.',
        )}
      </Content>
      <Flex direction={{ default: 'column' }} spaceItems={{ default: 'spaceItemsSm' }}>
        <FlexItem>
          <Button
            variant="link"
            isInline
            onClick={() => setChosen(allChosen ? new Set() : new Set(vms.map((vm) => vm.id)))}
            data-testid="cancel-migration-toggle-all"
          >
            {allChosen ? t('Clear all') : t('Select all')}
          </Button>
        </FlexItem>
        {vms.map((vm) => (
          <FlexItem key={vm.id}>
            <Checkbox
              id={`cancel-vm-${vm.id}`}
              label={vm.name}
              isChecked={chosen.has(vm.id)}
              onChange={(_event, isChecked) => toggle(vm.id, isChecked)}
              data-testid={`cancel-vm-${vm.id}`}
            />
          </FlexItem>
        ))}
      </Flex>
    </MutationModal>
  );
};
