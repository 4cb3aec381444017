import type { FC } from 'react';
import { Alert, Content, Title } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { ReviewItem } from '../components/ReviewItem.tsx';
import { ReviewSection } from '../components/ReviewSection.tsx';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';
import type { HookForm, MapChoiceForm } from '../utils/plan-form.ts';
import { targetNamesOf } from '../utils/plan-form.ts';

/** Every step's choices, each with a link back to its step, and why creating failed if it did. */
export const ReviewStep: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, create } = wizard;
  const none = t('None');
  const mapText = (choice: MapChoiceForm, rowCount: number) =>
    choice.mode === 'existing'
      ? t('A copy of {{name}}', { name: choice.existing })
      : t('New map with {{count}} mappings', { count: rowCount });
  const hookText = (hook: HookForm) =>
    hook.enabled ? `${hook.image}${hook.playbook.trim() ? t(', with a playbook') : ''}` : none;
  const renamed = targetNamesOf(form).filter(({ preview }) => preview.source !== 'source');
  return (
    <>
      <Title headingLevel="h2">{t('Review and create')}</Title>
      <Content component="p">{t('Review the plan; each section links back to its step.')}</Content>
      {create.isError && (
        <Alert
          variant="danger"
          isInline
          title={t('Failed to create plan')}
          data-testid="create-plan-error"
        >
          {create.error.message}
        </Alert>
      )}
      <ReviewSection title={t('General')} stepId="general">
        <ReviewItem term={t('Plan name')} testId="review-plan-name">
          {form.name}
        </ReviewItem>
        <ReviewItem term={t('Plan project')}>{form.namespace}</ReviewItem>
        <ReviewItem term={t('Plan description')}>{form.description || none}</ReviewItem>
        <ReviewItem term={t('Source provider')}>{form.sourceProvider}</ReviewItem>
        <ReviewItem term={t('Target provider')}>{form.targetProvider}</ReviewItem>
        <ReviewItem term={t('Target project')}>{form.targetNamespace}</ReviewItem>
      </ReviewSection>
      <ReviewSection title={t('Virtual machines')} stepId="vms">
        <ReviewItem term={t('Selected virtual machines')} testId="review-vm-count">
          {form.vms.size}
        </ReviewItem>
        <ReviewItem term={t('Target names')}>
          {renamed.length === 0
            ? t('Same as the source names')
            : renamed.map(({ vm, preview }) => `${vm.name} → ${preview.name}`).join(', ')}
        </ReviewItem>
      </ReviewSection>
      <ReviewSection title={t('Network map')} stepId="network-map">
        <ReviewItem term={t('Network map')} testId="review-network-map">
          {mapText(form.networkMap, wizard.networkStep.rows.length)}
        </ReviewItem>
      </ReviewSection>
      <ReviewSection title={t('Storage map')} stepId="storage-map">
        <ReviewItem term={t('Storage map')} testId="review-storage-map">
          {mapText(form.storageMap, wizard.storageStep.rows.length)}
        </ReviewItem>
      </ReviewSection>
      {wizard.hasMigrationTypeStep && (
        <ReviewSection title={t('Migration type')} stepId="migration-type">
          <ReviewItem term={t('Migration type')}>{form.migrationType}</ReviewItem>
        </ReviewSection>
      )}
      <ReviewSection title={t('Other settings')} stepId="other-settings">
        {wizard.isVsphere && (
          <>
            <ReviewItem term={t('Disk decryption')}>
              {form.nbde
                ? t('NBDE/Clevis')
                : form.diskDecryption === 'secret'
                  ? form.decryptionSecret
                  : t('{{count}} passphrases', {
                      count: form.passphrases.filter(Boolean).length,
                    })}
            </ReviewItem>
            <ReviewItem term={t('Preserve static IPs')}>
              {form.preserveStaticIPs ? t('Yes') : t('No')}
            </ReviewItem>
            <ReviewItem term={t('Root device')}>
              {form.rootDevice || t('First root device')}
            </ReviewItem>
            <ReviewItem term={t('Migrate shared disks')}>
              {form.migrateSharedDisks ? t('Yes') : t('No')}
            </ReviewItem>
          </>
        )}
        <ReviewItem term={t('Transfer network')}>
          {form.transferNetwork || t('Target provider default')}
        </ReviewItem>
        <ReviewItem term={t('VM target power state')}>{form.targetPowerState}</ReviewItem>
        <ReviewItem term={t('Instance types')}>
          {Object.values(form.instanceTypes).filter(Boolean).length || none}
        </ReviewItem>
      </ReviewSection>
      <ReviewSection title={t('Hooks')} stepId="hooks">
        <ReviewItem term={t('Pre-migration hook')} testId="review-pre-hook">
          {hookText(form.preHook)}
        </ReviewItem>
        <ReviewItem term={t('Post-migration hook')} testId="review-post-hook">
          {hookText(form.postHook)}
        </ReviewItem>
      </ReviewSection>
    </>
  );
};
