import { useState, type FC } from 'react';
import { Button, WizardFooterWrapper, useWizardContext } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanWizardState, StepId } from '../hooks/usePlanWizard.ts';
import { CriticalConcernsModal } from './CriticalConcernsModal.tsx';

type Props = {
  wizard: PlanWizardState;
  /** The shown steps, in order. */
  stepIds: readonly StepId[];
  onCancel: () => void;
};

const SKIPPABLE: readonly StepId[] = ['migration-type', 'other-settings', 'hooks'];

/**
 * Back, Next (disabled while the step has errors; "Create plan" on Review), Skip to review once
 * every step is valid, and Cancel. Next from the VMs step asks first when selected VMs have
 * critical concerns.
 */
export const PlanWizardFooter: FC<Props> = ({ wizard, stepIds, onCancel }) => {
  const { t } = useForkliftTranslation();
  const { activeStep, goToNextStep, goToPrevStep, goToStepById } = useWizardContext();
  const [criticalOpen, setCriticalOpen] = useState(false);
  const id = activeStep.id as StepId;
  // A parent step (Basic setup, Additional setup) has no fields of its own.
  const hasErrors = (step: StepId) => Object.keys(wizard.errors[step] ?? {}).length > 0;
  const allValid = stepIds.every((step) => !hasErrors(step));
  const critical = [...wizard.form.vms.values()].filter((vm) => vm.criticalConcerns > 0);

  const next = () => {
    if (id === 'review') return wizard.submit();
    if (id === 'vms' && critical.length > 0) return setCriticalOpen(true);
    return goToNextStep();
  };

  return (
    <WizardFooterWrapper>
      <Button
        variant="primary"
        onClick={() => void next()}
        isDisabled={hasErrors(id) || wizard.create.isPending}
        isLoading={id === 'review' && wizard.create.isPending}
        data-testid="wizard-next"
      >
        {id === 'review'
          ? wizard.create.isPending
            ? t('Creating plan')
            : t('Create plan')
          : t('Next')}
      </Button>
      <Button
        variant="secondary"
        onClick={() => void goToPrevStep()}
        isDisabled={stepIds.indexOf(id) === 0}
        data-testid="wizard-back"
      >
        {t('Back')}
      </Button>
      {SKIPPABLE.includes(id) && (
        <Button
          variant="tertiary"
          onClick={() => goToStepById('review')}
          isDisabled={!allValid}
          data-testid="wizard-skip-to-review"
        >
          {t('Skip to review')}
        </Button>
      )}
      <Button variant="link" onClick={onCancel} data-testid="wizard-cancel">
        {t('Cancel')}
      </Button>
      {criticalOpen && (
        <CriticalConcernsModal
          vms={critical}
          onConfirm={() => {
            setCriticalOpen(false);
            void goToNextStep();
          }}
          onDeselect={() => {
            setCriticalOpen(false);
            wizard.setSelection((vms) => {
              for (const vm of critical) vms.delete(vm.id);
            });
          }}
          onCancel={() => setCriticalOpen(false)}
        />
      )}
    </WizardFooterWrapper>
  );
};
