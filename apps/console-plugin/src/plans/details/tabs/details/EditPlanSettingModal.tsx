import { useState, type FC } from 'react';
import {
  Checkbox,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Switch,
  TextArea,
  TextInput,
} from '@patternfly/react-core';
import { NetworkAttachmentDefinitionModel, type Plan } from '@forklift-console/api';
import { FieldHelperText } from '../../../../components/FieldHelperText.tsx';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useResourcesInNamespace } from '../../../../hooks/useResource.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { usePatchPlan } from '../../hooks/usePlanMutations.ts';
import { usePlanSettingTexts } from '../../hooks/usePlanSettingTexts.ts';
import {
  MIGRATION_TYPES_BY_SOURCE,
  settingPatch,
  settingValue,
  settingValueError,
  type PlanSettingKey,
  type SettingValue,
} from '../../utils/plan-settings.ts';

type Props = {
  plan: Plan;
  setting: PlanSettingKey;
  sourceType: string | undefined;
  onClose: () => void;
};

/** One plan setting's modal: its control, saved as a spec patch at the plan's resourceVersion. */
export const EditPlanSettingModal: FC<Props> = ({ plan, setting, sourceType, onClose }) => {
  const { t } = useForkliftTranslation();
  const { texts } = usePlanSettingTexts();
  const text = texts[setting];
  const [value, setValue] = useState<SettingValue>(() => settingValue(plan, setting));
  const patch = usePatchPlan(plan);
  const error = settingValueError(setting, value);
  const fieldId = `plan-setting-${setting}`;
  const warning =
    setting === 'type' && value.kind === 'text' && value.text === 'warm'
      ? t(
          'Warm migration needs Changed Block Tracking (CBT) enabled on every VM, and for vSphere a VDDK image on the provider.',
        )
      : undefined;
  const nads = useResourcesInNamespace(
    NetworkAttachmentDefinitionModel,
    setting === 'transferNetwork' ? (plan.spec?.targetNamespace ?? '') : '',
  );

  const control = () => {
    switch (value.kind) {
      case 'switch':
        return (
          <Switch
            id={fieldId}
            label={text.label}
            isChecked={value.on}
            onChange={(_event, on) => setValue({ kind: 'switch', on })}
            data-testid="plan-setting-input"
          />
        );
      case 'keyValues':
        return (
          <TextArea
            id={fieldId}
            value={value.text}
            onChange={(_event, entered) => setValue({ kind: 'keyValues', text: entered })}
            validated={error ? 'error' : 'default'}
            rows={6}
            data-testid="plan-setting-input"
          />
        );
      case 'transferNetwork':
        return (
          <FormSelect
            id={fieldId}
            value={value.ref}
            onChange={(_event, ref) => setValue({ kind: 'transferNetwork', ref })}
            data-testid="plan-setting-input"
          >
            <FormSelectOption value="" label={t('Pod network (default)')} />
            {(nads.data ?? []).map((nad) => {
              const ref = `${nad.metadata?.namespace ?? ''}/${nad.metadata?.name ?? ''}`;
              return <FormSelectOption key={ref} value={ref} label={ref} />;
            })}
          </FormSelect>
        );
      case 'diskDecryption':
        return (
          <>
            <Checkbox
              id={`${fieldId}-nbde`}
              label={t('Use network-bound disk encryption (NBDE/Clevis)')}
              isChecked={value.nbde}
              onChange={(_event, nbde) => setValue({ ...value, nbde })}
              data-testid="plan-setting-nbde"
            />
            <TextInput
              id={fieldId}
              className="pf-v6-u-mt-sm"
              aria-label={t('Secret with the LUKS passphrases')}
              placeholder={t('Secret with the LUKS passphrases')}
              value={value.secretName}
              isDisabled={value.nbde}
              onChange={(_event, secretName) => setValue({ ...value, secretName })}
              data-testid="plan-setting-input"
            />
          </>
        );
      case 'text':
        if (setting === 'targetPowerState' || setting === 'type') {
          const options =
            setting === 'type'
              ? (MIGRATION_TYPES_BY_SOURCE[sourceType ?? ''] ?? ['cold']).map((type) => ({
                  value: type,
                  label: type === 'warm' ? t('Warm migration') : t('Cold migration'),
                }))
              : [
                  { value: '', label: t('Retain source VM power state') },
                  { value: 'on', label: t('Powered on') },
                  { value: 'off', label: t('Powered off') },
                  { value: 'auto', label: t('Auto') },
                ];
          return (
            <FormSelect
              id={fieldId}
              value={value.text}
              onChange={(_event, entered) => setValue({ kind: 'text', text: entered })}
              data-testid="plan-setting-input"
            >
              {options.map((option) => (
                <FormSelectOption key={option.value} value={option.value} label={option.label} />
              ))}
            </FormSelect>
          );
        }
        return (
          <TextInput
            id={fieldId}
            value={value.text}
            onChange={(_event, entered) => setValue({ kind: 'text', text: entered })}
            validated={error ? 'error' : 'default'}
            data-testid="plan-setting-input"
          />
        );
    }
  };

  return (
    <MutationModal
      title={text.editTitle}
      variant="medium"
      testId="edit-plan-setting-modal"
      onClose={onClose}
      mutation={patch}
      errorTitle={t('The plan was not saved')}
      errorTestId="edit-plan-setting-error"
      actionLabel={t('Save')}
      actionTestId="edit-plan-setting-save"
      isActionDisabled={Boolean(error)}
      onAction={() => patch.mutate(settingPatch(plan, setting, value), { onSuccess: onClose })}
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={value.kind === 'switch' ? undefined : text.label} fieldId={fieldId}>
          {control()}
          <FieldHelperText
            error={error}
            warning={warning}
            helper={text.help}
            testId="plan-setting"
          />
        </FormGroup>
      </Form>
    </MutationModal>
  );
};
