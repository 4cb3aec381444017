import type { FC } from 'react';
import { DropdownItem } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { ActionsDropdown } from '../../../../components/ActionsDropdown.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import type { PlanVmField } from './EditPlanVmModal.tsx';

type Props = {
  vmKey: string;
  /** Why the plan is not editable; every item is off then. */
  disabledReason?: string;
  /** Why this VM cannot be removed (the last VM of the plan). */
  removeDisabledReason?: string;
  onEdit: (field: PlanVmField) => void;
  onRemove: () => void;
};

/** The per-VM kebab of the Virtual machines tab. */
export const PlanVmActions: FC<Props> = ({
  vmKey,
  disabledReason,
  removeDisabledReason,
  onEdit,
  onRemove,
}) => {
  const { t } = useForkliftTranslation();
  const items: [PlanVmField, string][] = [
    ['targetName', t('Edit target name')],
    ['rootDisk', t('Edit root disk')],
    ['instanceType', t('Edit instance type')],
    ['decryption', t('Edit disk decryption')],
    ['targetPowerState', t('Edit target power state')],
  ];
  const removeReason = disabledReason ?? removeDisabledReason;
  return (
    <ActionsDropdown
      toggleProps={{
        variant: 'plain',
        icon: <EllipsisVIcon />,
        'aria-label': t('Actions for {{name}}', { name: vmKey }),
      }}
      toggleTestId={`plan-vm-actions-${vmKey}`}
    >
      {items.map(([field, label]) => (
        <DropdownItem
          key={field}
          onClick={() => onEdit(field)}
          isAriaDisabled={Boolean(disabledReason)}
          tooltipProps={disabledReason ? { content: disabledReason } : undefined}
          data-testid={`plan-vm-action-${field}`}
        >
          {label}
        </DropdownItem>
      ))}
      <DropdownItem
        onClick={onRemove}
        isAriaDisabled={Boolean(removeReason)}
        tooltipProps={removeReason ? { content: removeReason } : undefined}
        data-testid="plan-vm-action-remove"
      >
        {t('Remove from plan')}
      </DropdownItem>
    </ActionsDropdown>
  );
};
