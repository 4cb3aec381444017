import type { FC } from 'react';
import {
  Alert,
  Checkbox,
  Form,
  FormGroup,
  FormSection,
  FormSelect,
  FormSelectOption,
  Radio,
  Title,
} from '@patternfly/react-core';
import { FormTextField } from '../../../components/FormTextField.tsx';
import { useTargetNetworks } from '../../../hooks/useMapInventory.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { InstanceTypesTable } from '../components/InstanceTypesTable.tsx';
import { PassphrasesField } from '../components/PassphrasesField.tsx';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';
import type { TargetPowerState } from '../utils/plan-form.ts';

/** Disk decryption, transfer network, vSphere's guest settings, power state and instance types. */
export const OtherSettingsStep: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, change, choices, isVsphere } = wizard;
  const errors = wizard.errors['other-settings'];
  const nads = useTargetNetworks(choices.target);
  const hasVddk = Boolean(choices.source?.spec?.settings?.vddkInitImage);
  const isLive = form.migrationType === 'live';
  return (
    <Form onSubmit={(event) => event.preventDefault()}>
      <Title headingLevel="h2">{t('Other settings (optional)')}</Title>
      {isVsphere && (
        <FormSection title={t('Disk decryption')} titleElement="h3">
          <Checkbox
            id="plan-nbde"
            label={t('Use network-bound disk encryption (NBDE/Clevis)')}
            description={t(
              'Disks are unlocked by the Tang servers their Clevis configuration names.',
            )}
            isChecked={form.nbde}
            onChange={(_event, nbde) => change({ nbde })}
            data-testid="plan-nbde"
          />
          {!form.nbde && (
            <>
              <FormGroup
                role="radiogroup"
                isInline
                fieldId="decryption-mode"
                label={t('Passphrases')}
              >
                <Radio
                  id="decryption-passphrases"
                  name="decryption-mode"
                  label={t('Enter passphrases')}
                  isChecked={form.diskDecryption === 'passphrases'}
                  onChange={() => change({ diskDecryption: 'passphrases' })}
                />
                <Radio
                  id="decryption-secret"
                  name="decryption-mode"
                  label={t('Use an existing secret')}
                  isChecked={form.diskDecryption === 'secret'}
                  onChange={() => change({ diskDecryption: 'secret' })}
                  data-testid="decryption-secret"
                />
              </FormGroup>
              {form.diskDecryption === 'passphrases' ? (
                <PassphrasesField
                  passphrases={form.passphrases}
                  onChange={(passphrases) => change({ passphrases })}
                  error={errors.passphrases}
                />
              ) : (
                <FormTextField
                  id="decryption-secret-name"
                  label={t('Secret')}
                  value={form.decryptionSecret}
                  onChange={(decryptionSecret) => change({ decryptionSecret })}
                  isRequired
                  testId="decryption-secret-name"
                  error={errors.decryptionSecret}
                  helper={t('An Opaque Secret of the plan project holding the passphrases.')}
                />
              )}
            </>
          )}
        </FormSection>
      )}
      {!isLive && (
        <FormGroup label={t('Transfer network')} fieldId="transfer-network">
          <FormSelect
            id="transfer-network"
            value={form.transferNetwork}
            onChange={(_event, transferNetwork) => change({ transferNetwork })}
            data-testid="transfer-network"
          >
            <FormSelectOption value="" label={t('Target provider default')} />
            {nads.items.map(({ namespace, name }) => (
              <FormSelectOption
                key={`${namespace}/${name}`}
                value={`${namespace}/${name}`}
                label={`${namespace}/${name}`}
              />
            ))}
          </FormSelect>
        </FormGroup>
      )}
      {isVsphere && (
        <>
          <Checkbox
            id="preserve-static-ips"
            label={t('Preserve static IPs')}
            isChecked={form.preserveStaticIPs}
            onChange={(_event, preserveStaticIPs) => change({ preserveStaticIPs })}
          />
          <FormTextField
            id="root-device"
            label={t('Root device')}
            value={form.rootDevice}
            onChange={(rootDevice) => change({ rootDevice })}
            placeholder="/dev/sda2"
            testId="root-device"
            helper={t('Leave empty to use the first root device.')}
          />
          <Checkbox
            id="migrate-shared-disks"
            label={t('Migrate shared disks')}
            isChecked={form.migrateSharedDisks}
            onChange={(_event, migrateSharedDisks) => change({ migrateSharedDisks })}
          />
          {!form.migrateSharedDisks && !hasVddk && (
            <Alert
              variant="warning"
              isInline
              isPlain
              title={t(
                'Skipping shared disks without a VDDK image is not supported by every disk layout; set a VDDK image on the provider.',
              )}
            />
          )}
        </>
      )}
      <FormGroup label={t('VM target power state')} fieldId="target-power-state">
        <FormSelect
          id="target-power-state"
          value={form.targetPowerState}
          onChange={(_event, value) => change({ targetPowerState: value as TargetPowerState })}
          data-testid="target-power-state"
        >
          <FormSelectOption value="auto" label={t('Retain source VM power state')} />
          <FormSelectOption value="on" label={t('Powered on')} />
          <FormSelectOption value="off" label={t('Powered off')} />
        </FormSelect>
      </FormGroup>
      <FormSection title={t('Instance types')} titleElement="h3">
        <InstanceTypesTable wizard={wizard} />
      </FormSection>
    </Form>
  );
};
