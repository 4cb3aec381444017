import type { FC } from 'react';
import { Checkbox, FormGroup, FormSection, TextArea } from '@patternfly/react-core';
import { FieldHelperText } from '../../../components/FieldHelperText.tsx';
import { FormTextField } from '../../../components/FormTextField.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { FieldErrors, HookForm } from '../utils/plan-form.ts';

type Props = {
  id: 'preHook' | 'postHook';
  title: string;
  enableLabel: string;
  hook: HookForm;
  onChange: (hook: HookForm) => void;
  errors: FieldErrors;
};

/** One local-playbook hook: image (Forklift's hook runner by default), service account, playbook. */
export const HookFields: FC<Props> = ({ id, title, enableLabel, hook, onChange, errors }) => {
  const { t } = useForkliftTranslation();
  return (
    <FormSection title={title} titleElement="h3">
      <Checkbox
        id={`${id}-enabled`}
        label={enableLabel}
        isChecked={hook.enabled}
        onChange={(_event, enabled) => onChange({ ...hook, enabled })}
        data-testid={`${id}-enabled`}
      />
      {hook.enabled && (
        <>
          <FormTextField
            id={`${id}-image`}
            label={t('Hook runner image')}
            value={hook.image}
            onChange={(image) => onChange({ ...hook, image })}
            isRequired
            testId={`${id}-image`}
            error={errors[`${id}.image`]}
            helper={t('If you specify a playbook, the image must be hook-runner.')}
          />
          <FormTextField
            id={`${id}-service-account`}
            label={t('Service account')}
            value={hook.serviceAccount}
            onChange={(serviceAccount) => onChange({ ...hook, serviceAccount })}
            testId={`${id}-service-account`}
            error={errors[`${id}.serviceAccount`]}
            helper={t('Optional: the service account the hook runs as in the target project.')}
          />
          <FormGroup label={t('Ansible playbook')} fieldId={`${id}-playbook`}>
            <TextArea
              id={`${id}-playbook`}
              value={hook.playbook}
              onChange={(_event, playbook) => onChange({ ...hook, playbook })}
              rows={8}
              resizeOrientation="vertical"
              style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
              data-testid={`${id}-playbook`}
            />
            <FieldHelperText
              helper={t('YAML; stored in the plan-owned Hook.')}
              testId={`${id}-playbook`}
            />
          </FormGroup>
        </>
      )}
    </FormSection>
  );
};
