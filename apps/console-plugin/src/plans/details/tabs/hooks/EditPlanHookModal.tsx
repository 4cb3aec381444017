import { useState, type FC } from 'react';
import { Form, FormGroup, TextArea, TextInput } from '@patternfly/react-core';
import {
  dns1123SubdomainError,
  type Hook,
  type Plan,
  type PlanHookStep,
} from '@forklift-console/api';
import { FieldHelperText } from '../../../../components/FieldHelperText.tsx';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSetPlanHook } from '../../hooks/usePlanMutations.ts';
import { decodePlaybook, encodePlaybook } from '../../utils/hook-playbook.ts';

const HOOK_RUNNER_IMAGE = 'quay.io/konveyor/hook-runner';

type Props = { plan: Plan; step: PlanHookStep; hook: Hook | undefined; onClose: () => void };

/** A local playbook hook: runner image, service account and Ansible playbook. */
export const EditPlanHookModal: FC<Props> = ({ plan, step, hook, onClose }) => {
  const { t } = useForkliftTranslation();
  const save = useSetPlanHook(plan, step);
  const [image, setImage] = useState(hook?.spec?.image ?? HOOK_RUNNER_IMAGE);
  const [serviceAccount, setServiceAccount] = useState(hook?.spec?.serviceAccount ?? '');
  const [playbook, setPlaybook] = useState(
    hook?.spec?.playbook ? (decodePlaybook(hook.spec.playbook) ?? '') : '',
  );
  const imageError = image.trim() === '' ? t('The hook runner image is required') : undefined;
  const accountError = serviceAccount ? dns1123SubdomainError(serviceAccount) : undefined;
  const title = step === 'pre' ? t('Edit pre migration hook') : t('Edit post migration hook');

  return (
    <MutationModal
      title={title}
      variant="medium"
      testId="edit-plan-hook-modal"
      onClose={onClose}
      mutation={save}
      errorTitle={t('The hook was not saved')}
      errorTestId="edit-plan-hook-error"
      actionLabel={t('Save')}
      actionTestId="edit-plan-hook-save"
      isActionDisabled={Boolean(imageError ?? accountError)}
      onAction={() =>
        save.mutate(
          {
            image: image.trim(),
            ...(serviceAccount ? { serviceAccount } : {}),
            ...(playbook.trim() ? { playbook: encodePlaybook(playbook) } : {}),
          },
          { onSuccess: onClose },
        )
      }
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t('Hook runner image')} isRequired fieldId="plan-hook-image">
          <TextInput
            id="plan-hook-image"
            value={image}
            onChange={(_event, value) => setImage(value)}
            validated={imageError ? 'error' : 'default'}
            data-testid="plan-hook-image"
          />
          <FieldHelperText error={imageError} testId="plan-hook-image" />
        </FormGroup>
        <FormGroup label={t('Service account')} fieldId="plan-hook-service-account">
          <TextInput
            id="plan-hook-service-account"
            value={serviceAccount}
            onChange={(_event, value) => setServiceAccount(value.trim())}
            validated={accountError ? 'error' : 'default'}
            data-testid="plan-hook-service-account"
          />
          <FieldHelperText error={accountError} testId="plan-hook-service-account" />
        </FormGroup>
        <FormGroup label={t('Ansible playbook')} fieldId="plan-hook-playbook">
          <TextArea
            id="plan-hook-playbook"
            value={playbook}
            onChange={(_event, value) => setPlaybook(value)}
            rows={12}
            style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
            data-testid="plan-hook-playbook"
          />
          <FieldHelperText
            helper={t('If you specify a playbook, the image must be hook-runner.')}
            testId="plan-hook-playbook"
          />
        </FormGroup>
      </Form>
    </MutationModal>
  );
};
