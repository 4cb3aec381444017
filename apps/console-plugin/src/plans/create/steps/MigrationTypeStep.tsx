import type { FC } from 'react';
import { Alert, Form, FormGroup, Radio, Title } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';

/** Cold, warm (vSphere, oVirt) or live (OpenShift with the feature switch on). */
export const MigrationTypeStep: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, change, migrationTypes, choices } = wizard;
  const withoutCbt = [...form.vms.values()].filter((vm) => vm.changeTracking === false).length;
  const hasVddk = Boolean(choices.source?.spec?.settings?.vddkInitImage);
  const isVsphere = choices.source?.spec?.type === 'vsphere';
  return (
    <Form onSubmit={(event) => event.preventDefault()}>
      <Title headingLevel="h2">{t('Migration type')}</Title>
      <FormGroup role="radiogroup" fieldId="migration-type" label={t('Migration type')}>
        <Radio
          id="migration-type-cold"
          name="migration-type"
          label={t('Cold migration')}
          description={t('Moves a shut-down VM between hosts.')}
          isChecked={form.migrationType === 'cold'}
          onChange={() => change({ migrationType: 'cold' })}
          data-testid="migration-type-cold"
        />
        {migrationTypes.warm && (
          <Radio
            id="migration-type-warm"
            name="migration-type"
            label={t('Warm migration')}
            description={t(
              'Moves an active VM with minimal downtime: its disks are copied while it runs, then it is cut over.',
            )}
            isChecked={form.migrationType === 'warm'}
            onChange={() => change({ migrationType: 'warm' })}
            data-testid="migration-type-warm"
          />
        )}
        {migrationTypes.live && (
          <Radio
            id="migration-type-live"
            name="migration-type"
            label={t('Live migration')}
            description={t('Moves a running VM between clusters with zero downtime.')}
            isChecked={form.migrationType === 'live'}
            onChange={() => change({ migrationType: 'live' })}
            data-testid="migration-type-live"
          />
        )}
      </FormGroup>
      {form.migrationType === 'warm' && isVsphere && withoutCbt > 0 && (
        <Alert
          variant="warning"
          isInline
          title={t('{{count}} selected VMs do not have changed block tracking (CBT) enabled', {
            count: withoutCbt,
          })}
          data-testid="warm-cbt-warning"
        >
          {t(
            'Warm migration needs CBT on every VM; enable it in vSphere before the migration starts.',
          )}
        </Alert>
      )}
      {form.migrationType === 'warm' && isVsphere && !hasVddk && (
        <Alert
          variant="warning"
          isInline
          title={t('The source provider has no VDDK image')}
          data-testid="warm-vddk-warning"
        >
          {t('Warm migration without VDDK is much slower; set a VDDK image on the provider.')}
        </Alert>
      )}
    </Form>
  );
};
