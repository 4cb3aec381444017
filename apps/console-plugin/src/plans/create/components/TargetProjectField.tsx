import { useState, type FC } from 'react';
import { FormGroup, FormSelect, FormSelectOption, TextInput } from '@patternfly/react-core';
import { FieldHelperText } from '../../../components/FieldHelperText.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';

const CREATE = '#create';

/**
 * The target provider's projects from its inventory, or a new one: Forklift creates a missing
 * target project when the migration starts, so "Create project" only needs its name here.
 */
export const TargetProjectField: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, change, choices } = wizard;
  const known = choices.targetNamespaces;
  const [isCreating, setCreating] = useState(false);
  const creating =
    isCreating || (form.targetNamespace !== '' && !known.includes(form.targetNamespace));
  const error = form.targetNamespace ? wizard.errors.general.targetNamespace : undefined;
  return (
    <FormGroup label={t('Target project')} isRequired fieldId="plan-target-project">
      <FormSelect
        id="plan-target-project"
        value={creating ? CREATE : form.targetNamespace}
        isDisabled={!choices.target}
        onChange={(_event, value) => {
          setCreating(value === CREATE);
          change({ targetNamespace: value === CREATE ? '' : value });
        }}
        data-testid="plan-target-project"
      >
        <FormSelectOption
          value=""
          label={choices.target ? t('Select a project') : t('Select a target provider first')}
          isPlaceholder
        />
        {known.map((namespace) => (
          <FormSelectOption key={namespace} value={namespace} label={namespace} />
        ))}
        <FormSelectOption value={CREATE} label={t('Create project')} />
      </FormSelect>
      {creating && (
        <TextInput
          className="pf-v6-u-mt-sm"
          aria-label={t('New project name')}
          placeholder={t('New project name')}
          value={form.targetNamespace}
          onChange={(_event, targetNamespace) => change({ targetNamespace })}
          validated={error ? 'error' : 'default'}
          data-testid="plan-new-target-project"
        />
      )}
      <FieldHelperText
        error={
          error ??
          (choices.targetNamespacesError ? choices.targetNamespacesError.message : undefined)
        }
        helper={
          creating
            ? t('The project is created in the target cluster when the migration starts.')
            : t('The project of the target cluster the virtual machines are created in.')
        }
        testId="plan-target-project"
      />
    </FormGroup>
  );
};
