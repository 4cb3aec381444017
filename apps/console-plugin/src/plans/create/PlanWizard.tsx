import type { FC } from 'react';
import { Wizard, WizardStep } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { PlanWizardFooter } from './components/PlanWizardFooter.tsx';
import type { PlanWizardState, StepId } from './hooks/usePlanWizard.ts';
import { GeneralStep } from './steps/GeneralStep.tsx';
import { HooksStep } from './steps/HooksStep.tsx';
import { MapStep } from './steps/MapStep.tsx';
import { MigrationTypeStep } from './steps/MigrationTypeStep.tsx';
import { OtherSettingsStep } from './steps/OtherSettingsStep.tsx';
import { ReviewStep } from './steps/ReviewStep.tsx';
import { VmsStep } from './steps/VmsStep.tsx';

type Props = { wizard: PlanWizardState; onCancel: () => void };

/** Forklift's steps: Basic setup, Additional setup, then Review and create. */
export const PlanWizard: FC<Props> = ({ wizard, onCancel }) => {
  const { t } = useForkliftTranslation();
  const { form, change, errors } = wizard;
  const stepIds: StepId[] = [
    'general',
    'vms',
    'network-map',
    'storage-map',
    ...(wizard.hasMigrationTypeStep ? (['migration-type'] as const) : []),
    'other-settings',
    'hooks',
    'review',
  ];
  // A step after one with errors cannot be reached yet.
  const blockedAfter = stepIds.findIndex((id) => Object.keys(errors[id]).length > 0);
  const isDisabled = (id: StepId) => blockedAfter !== -1 && stepIds.indexOf(id) > blockedAfter;

  return (
    <Wizard
      isVisitRequired
      navAriaLabel={t('Create migration plan steps')}
      footer={<PlanWizardFooter wizard={wizard} stepIds={stepIds} onCancel={onCancel} />}
      onClose={onCancel}
      data-testid="plan-wizard"
    >
      <WizardStep
        name={t('Basic setup')}
        id="basic-setup"
        isExpandable
        steps={[
          <WizardStep key="general" name={t('General')} id="general">
            <GeneralStep wizard={wizard} />
          </WizardStep>,
          <WizardStep
            key="vms"
            name={t('Virtual machines')}
            id="vms"
            isDisabled={isDisabled('vms')}
          >
            <VmsStep wizard={wizard} />
          </WizardStep>,
          <WizardStep
            key="network-map"
            name={t('Network map')}
            id="network-map"
            isDisabled={isDisabled('network-map')}
          >
            <MapStep
              id="network"
              title={t('Network map')}
              description={t(
                'Map each network the selected virtual machines use to a network of the target cluster.',
              )}
              step={wizard.networkStep}
              choice={form.networkMap}
              onChange={(networkMap) => change({ networkMap })}
              errors={errors['network-map']}
            />
          </WizardStep>,
          <WizardStep
            key="storage-map"
            name={t('Storage map')}
            id="storage-map"
            isDisabled={isDisabled('storage-map')}
          >
            <MapStep
              id="storage"
              title={t('Storage map')}
              description={t(
                'Map each storage the selected virtual machines use to a storage class of the target cluster.',
              )}
              step={wizard.storageStep}
              choice={form.storageMap}
              onChange={(storageMap) => change({ storageMap })}
              errors={errors['storage-map']}
            />
          </WizardStep>,
          <WizardStep
            key="migration-type"
            name={t('Migration type')}
            id="migration-type"
            isHidden={!wizard.hasMigrationTypeStep}
            isDisabled={isDisabled('migration-type')}
          >
            <MigrationTypeStep wizard={wizard} />
          </WizardStep>,
        ]}
      />
      <WizardStep
        name={t('Additional setup')}
        id="additional-setup"
        isExpandable
        steps={[
          <WizardStep
            key="other-settings"
            name={t('Other settings (optional)')}
            id="other-settings"
            isDisabled={isDisabled('other-settings')}
          >
            <OtherSettingsStep wizard={wizard} />
          </WizardStep>,
          <WizardStep
            key="hooks"
            name={t('Hooks (optional)')}
            id="hooks"
            isDisabled={isDisabled('hooks')}
          >
            <HooksStep wizard={wizard} />
          </WizardStep>,
        ]}
      />
      <WizardStep name={t('Review and create')} id="review" isDisabled={isDisabled('review')}>
        <ReviewStep wizard={wizard} />
      </WizardStep>
    </Wizard>
  );
};
