import type { FC } from 'react';
import { Content, Form, Title } from '@patternfly/react-core';
import { NotBuiltYetNotice } from '../../../components/NotBuiltYetNotice.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { HookFields } from '../components/HookFields.tsx';
import type { PlanWizardState } from '../hooks/usePlanWizard.ts';

/** Local playbook hooks run before and after each VM's migration, stored as plan-owned Hooks. */
export const HooksStep: FC<{ wizard: PlanWizardState }> = ({ wizard }) => {
  const { t } = useForkliftTranslation();
  const { form, change } = wizard;
  const errors = wizard.errors.hooks;
  return (
    <Form onSubmit={(event) => event.preventDefault()}>
      <Title headingLevel="h2">{t('Hooks (optional)')}</Title>
      <Content component="p">
        {t(
          'A hook runs an Ansible playbook in a container before or after each virtual machine is migrated.',
        )}
      </Content>
      <NotBuiltYetNotice
        missing={t(
          'Hooks run as Ansible Automation Platform job templates, and customization scripts (the Automation step), are not built yet; local playbook hooks are.',
        )}
      />
      <HookFields
        id="preHook"
        title={t('Pre-migration hook')}
        enableLabel={t('Enable pre-migration hook')}
        hook={form.preHook}
        onChange={(preHook) => change({ preHook })}
        errors={errors}
      />
      <HookFields
        id="postHook"
        title={t('Post-migration hook')}
        enableLabel={t('Enable post-migration hook')}
        hook={form.postHook}
        onChange={(postHook) => change({ postHook })}
        errors={errors}
      />
    </Form>
  );
};
