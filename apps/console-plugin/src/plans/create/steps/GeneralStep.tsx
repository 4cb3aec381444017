import type { FC } from 'react';
import {
  Form,
  FormGroup,
  FormSection,
  FormSelect,
  FormSelectOption,
  TextArea,
} from '@patternfly/react-core';
import { FieldHelperText } from '../../../components/FieldHelperText.tsx';
import { FormTextField } from '../../../components/FormTextField.tsx';
import { ProviderSelect } from '../../../components/maps/ProviderSelect.tsx';
import { useNamespaces } from '../../../hooks/useNamespaces.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';
import { TargetProjectField } from '../components/TargetProjectField.tsx';

/** Plan name, project and description; source and target providers and the target project. */
export const GeneralStep: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, change, choices } = wizard;
  const errors = wizard.errors.general;
  const namespaces = useNamespaces();
  const projects = [...new Set([form.namespace, ...(namespaces.data ?? [])])]
    .filter(Boolean)
    .sort();
  return (
    <Form onSubmit={(event) => event.preventDefault()}>
      <FormSection title={t('Plan information')} titleElement="h2">
        <FormTextField
          id="plan-name"
          label={t('Plan name')}
          value={form.name}
          onChange={(name) => change({ name })}
          isRequired
          testId="plan-name"
          error={form.name ? errors.name : undefined}
          helper={t('Lower case letters, digits, "-" and "."; unique across all projects.')}
        />
        <FormGroup label={t('Plan project')} isRequired fieldId="plan-project">
          <FormSelect
            id="plan-project"
            value={form.namespace}
            onChange={(_event, namespace) => change({ namespace })}
            data-testid="plan-project"
          >
            <FormSelectOption value="" label={t('Select a project')} isPlaceholder />
            {projects.map((namespace) => (
              <FormSelectOption key={namespace} value={namespace} label={namespace} />
            ))}
          </FormSelect>
          <FieldHelperText
            helper={t(
              'The plan is created in this project; its source provider is chosen from it.',
            )}
            testId="plan-project"
          />
        </FormGroup>
        <FormGroup label={t('Plan description')} fieldId="plan-description">
          <TextArea
            id="plan-description"
            value={form.description}
            onChange={(_event, description) => change({ description })}
            data-testid="plan-description"
            resizeOrientation="vertical"
          />
        </FormGroup>
      </FormSection>
      <FormSection title={t('Source and target providers')} titleElement="h2">
        <ProviderSelect
          id="plan-source-provider"
          label={t('Source provider')}
          providers={choices.sources}
          value={form.sourceProvider}
          onChange={(sourceProvider) => change({ sourceProvider })}
          helper={
            choices.sources.length === 0 && !choices.isLoading
              ? t(
                  'There are no Ready providers in project {{project}}. Create one from the Providers page.',
                  {
                    project: form.namespace,
                  },
                )
              : t('Ready providers of the plan project. Changing it clears the selected VMs.')
          }
        />
        <ProviderSelect
          id="plan-target-provider"
          label={t('Target provider')}
          providers={choices.targets}
          value={form.targetProvider}
          onChange={(targetProvider) => change({ targetProvider })}
          helper={t('A Ready OpenShift provider: the cluster the virtual machines move to.')}
        />
        <TargetProjectField wizard={wizard} />
      </FormSection>
    </Form>
  );
};
