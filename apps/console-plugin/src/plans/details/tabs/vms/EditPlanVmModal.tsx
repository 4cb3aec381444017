import { useState, type FC } from 'react';
import {
  Checkbox,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  TextInput,
} from '@patternfly/react-core';
import type { Plan } from '@forklift-console/api';
import { FieldHelperText } from '../../../../components/FieldHelperText.tsx';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useInstanceTypes } from '../../hooks/useInstanceTypes.ts';
import { usePatchPlan } from '../../hooks/usePlanMutations.ts';
import type { PlanInventoryVm } from '../../utils/plan-concerns.ts';
import { vmEditPatch, vmTargetNameError, type PlanVmRow } from '../../utils/plan-vms.ts';

export type PlanVmField =
  'targetName' | 'rootDisk' | 'instanceType' | 'targetPowerState' | 'decryption';

type Props = {
  plan: Plan;
  inventory: readonly PlanInventoryVm[];
  row: PlanVmRow;
  field: PlanVmField;
  onClose: () => void;
};

type Draft = { text: string; nbde: boolean };

const initialDraft = (row: PlanVmRow, field: PlanVmField): Draft => {
  const { vm } = row;
  const text =
    field === 'decryption'
      ? (vm.luks?.name ?? '')
      : field === 'targetName'
        ? (vm.targetName ?? '')
        : ((vm[field] as string | undefined) ?? '');
  return { text, nbde: vm.nbdeClevis ?? false };
};

/** One VM's setting in the plan; the target name is checked as it is typed. */
export const EditPlanVmModal: FC<Props> = ({ plan, inventory, row, field, onClose }) => {
  const { t } = useForkliftTranslation();
  const patch = usePatchPlan(plan);
  const instanceTypes = useInstanceTypes(plan);
  const [draft, setDraft] = useState<Draft>(() => initialDraft(row, field));
  const initial = initialDraft(row, field);
  const unchanged = draft.text === initial.text && draft.nbde === initial.nbde;
  const text = draft.text.trim();
  const error =
    field === 'targetName' ? vmTargetNameError(plan, inventory, row.index, text) : undefined;
  const titles: Record<PlanVmField, string> = {
    targetName: t('Edit target name'),
    rootDisk: t('Edit root disk'),
    instanceType: t('Edit instance type'),
    targetPowerState: t('Edit target power state'),
    decryption: t('Edit disk decryption'),
  };
  const helpers: Partial<Record<PlanVmField, string>> = {
    targetName: t('Empty keeps the name from the source: {{name}}', {
      name: row.target.source === 'chosen' ? row.sourceName : row.target.name,
    }),
    rootDisk: t('For example /dev/sda; empty lets the conversion find the boot disk.'),
    instanceType: instanceTypes.isLoading
      ? t('Loading the instance types of the target cluster…')
      : t('With an instance type, CPU and memory are not mapped from the source VM.'),
  };
  const fieldId = `plan-vm-${field}`;
  const selectOptions =
    field === 'instanceType'
      ? [
          { value: '', label: t('None') },
          // A type the inventory no longer lists stays choosable, so opening the modal changes nothing.
          ...[...new Set([...instanceTypes.names, ...(initial.text ? [initial.text] : [])])].map(
            (name) => ({ value: name, label: name }),
          ),
        ]
      : field === 'targetPowerState'
        ? [
            { value: '', label: t('Inherit plan-wide setting') },
            { value: 'on', label: t('Powered on') },
            { value: 'off', label: t('Powered off') },
            { value: 'auto', label: t('Auto') },
          ]
        : undefined;

  const save = () => {
    const edit =
      field === 'decryption'
        ? { nbdeClevis: draft.nbde, luksSecret: draft.nbde ? '' : text }
        : { [field]: text };
    patch.mutate(vmEditPatch(plan, row.index, edit), { onSuccess: onClose });
  };

  return (
    <MutationModal
      title={titles[field]}
      description={row.sourceName}
      testId="edit-plan-vm-modal"
      onClose={onClose}
      mutation={patch}
      errorTitle={t('The plan was not saved')}
      errorTestId="edit-plan-vm-error"
      actionLabel={t('Save')}
      actionTestId="edit-plan-vm-save"
      isActionDisabled={unchanged || Boolean(error)}
      onAction={save}
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={titles[field]} fieldId={fieldId}>
          {selectOptions ? (
            <FormSelect
              id={fieldId}
              value={draft.text}
              onChange={(_event, value) => setDraft({ ...draft, text: value })}
              data-testid="plan-vm-input"
            >
              {selectOptions.map((option) => (
                <FormSelectOption key={option.value} value={option.value} label={option.label} />
              ))}
            </FormSelect>
          ) : (
            <>
              {field === 'decryption' && (
                <Checkbox
                  id={`${fieldId}-nbde`}
                  label={t('Use network-bound disk encryption (NBDE/Clevis)')}
                  isChecked={draft.nbde}
                  onChange={(_event, nbde) => setDraft({ ...draft, nbde })}
                  className="pf-v6-u-mb-sm"
                  data-testid="plan-vm-nbde"
                />
              )}
              <TextInput
                id={fieldId}
                aria-label={titles[field]}
                placeholder={
                  field === 'decryption' ? t('Secret with the LUKS passphrases') : undefined
                }
                value={draft.text}
                isDisabled={field === 'decryption' && draft.nbde}
                onChange={(_event, value) => setDraft({ ...draft, text: value })}
                validated={error ? 'error' : 'default'}
                data-testid="plan-vm-input"
              />
            </>
          )}
          <FieldHelperText error={error} helper={helpers[field]} testId="plan-vm" />
        </FormGroup>
      </Form>
    </MutationModal>
  );
};
