import type { FC } from 'react';
import { ActionGroup, Alert, Button, Content, Form, PageSection } from '@patternfly/react-core';
import { useLocation, useNavigate } from 'react-router';
import { ProviderModel } from '@forklift-console/api';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useConsoleHost } from '../../host/ConsoleHost.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { resourceListPath } from '../../utils/resource-paths.ts';
import { providerDetailsPath } from '../details/utils/provider-tabs.ts';
import { FormTextField } from '../../components/FormTextField.tsx';
import { OpenshiftFields } from './components/OpenshiftFields.tsx';
import { OvaFields } from './components/OvaFields.tsx';
import { ProjectField } from './components/ProjectField.tsx';
import { ProviderTypeField } from './components/ProviderTypeField.tsx';
import { VsphereFields } from './components/VsphereFields.tsx';
import { useCreateProvider } from './hooks/useCreateProvider.ts';
import { useProviderForm } from './hooks/useProviderForm.ts';
import { createProviderRequest } from './utils/provider-form.ts';

export const ProviderCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { activeNamespace } = useConsoleHost();
  const form = useProviderForm();
  const create = useCreateProvider();
  const { values, setField, chooseType, errorOf } = form;

  const submit = () => {
    const { type, namespace } = values;
    if (!form.isValid || !type || create.isPending) return;
    create.mutate(
      { namespace, request: createProviderRequest({ ...values, type }) },
      {
        onSuccess: (provider) =>
          navigate(providerDetailsPath(namespace, provider.metadata?.name ?? values.name)),
      },
    );
  };
  // Opened from a link in a new tab there is nothing to go back to: go to the list instead.
  const cancel = () =>
    location.key === 'default'
      ? navigate(resourceListPath(ProviderModel, activeNamespace))
      : navigate(-1);

  return (
    <>
      <PageTitle title={t('Create provider')} actions={<TipsButton />} />
      <PageSection>
        <Content component="p" className="pf-v6-u-mb-lg">
          {t(
            'A provider is a platform to migrate virtual machines from or to. Give the attributes Migration for Virtualization uses to connect to it.',
          )}
        </Content>
        <Form
          isWidthLimited
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <ProjectField
            value={values.namespace}
            onChange={(namespace) => setField('namespace', namespace)}
            error={errorOf('namespace')}
          />
          <ProviderTypeField value={values.type} onChange={chooseType} />
          {values.type && (
            <FormTextField
              id="provider-name"
              label={t('Provider name')}
              value={values.name}
              onChange={(name) => setField('name', name)}
              isRequired
              helper={t('Lowercase letters, digits and hyphens; unique in the project.')}
              error={errorOf('name')}
              testId="provider-name-input"
            />
          )}
          {values.type === 'vsphere' && <VsphereFields form={form} />}
          {values.type === 'ova' && <OvaFields form={form} />}
          {values.type === 'openshift' && <OpenshiftFields form={form} />}
          {create.error && (
            <Alert
              variant="danger"
              isInline
              title={t('Error creating provider')}
              data-testid="create-provider-error"
            >
              {create.error.message}
            </Alert>
          )}
          <ActionGroup>
            <Button
              type="submit"
              isDisabled={!form.isValid || create.isPending}
              isLoading={create.isPending}
              data-testid="provider-create-button"
            >
              {t('Create provider')}
            </Button>
            <Button variant="link" onClick={cancel} data-testid="provider-cancel-button">
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
};
