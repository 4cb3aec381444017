import { useState, type FC } from 'react';
import {
  Alert,
  Button,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  Title,
  Tooltip,
} from '@patternfly/react-core';
import {
  HookModel,
  planHookRefs,
  type Hook,
  type Plan,
  type PlanHookStep,
} from '@forklift-console/api';
import { LoadingSpinner } from '../../../../components/LoadingSpinner.tsx';
import { useResource } from '../../../../hooks/useResource.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { decodePlaybook } from '../../utils/hook-playbook.ts';
import { EditPlanHookModal } from './EditPlanHookModal.tsx';
import { RemovePlanHookModal } from './RemovePlanHookModal.tsx';

type Props = { plan: Plan; step: PlanHookStep; editDisabledReason?: string };

/** The plan's hook at one step: what it runs, and its edit and remove buttons. */
export const PlanHookSection: FC<Props> = ({ plan, step, editDisabledReason }) => {
  const { t } = useForkliftTranslation();
  const [opened, setOpened] = useState<'edit' | 'remove'>();
  const [ref] = planHookRefs(plan, step);
  const namespace = ref?.namespace ?? plan.metadata?.namespace;
  const hook = useResource<Hook>(HookModel, namespace, ref?.name);
  const testId = `plan-hook-${step}`;
  const gated = (button: JSX.Element) =>
    editDisabledReason ? <Tooltip content={editDisabledReason}>{button}</Tooltip> : button;
  const spec = hook.data?.spec;
  const playbook = spec?.playbook ? decodePlaybook(spec.playbook) : undefined;

  const details = () => {
    if (!ref) return <p data-testid={`${testId}-none`}>{t('No hook')}</p>;
    if (hook.isPending) return <LoadingSpinner />;
    if (hook.error) {
      return (
        <Alert
          variant="danger"
          isInline
          isPlain
          title={t('Could not load the hook {{name}}', { name: ref.name })}
        >
          {hook.error.message}
        </Alert>
      );
    }
    return (
      <DescriptionList isHorizontal>
        <DescriptionListGroup>
          <DescriptionListTerm>{t('Hook')}</DescriptionListTerm>
          <DescriptionListDescription data-testid={`${testId}-name`}>
            {ref.name}
          </DescriptionListDescription>
        </DescriptionListGroup>
        {spec?.aap ? (
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Job template ID')}</DescriptionListTerm>
            <DescriptionListDescription>{spec.aap.jobTemplateId}</DescriptionListDescription>
          </DescriptionListGroup>
        ) : (
          <>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Hook runner image')}</DescriptionListTerm>
              <DescriptionListDescription data-testid={`${testId}-image`}>
                {spec?.image ?? '-'}
              </DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Service account')}</DescriptionListTerm>
              <DescriptionListDescription>{spec?.serviceAccount ?? '-'}</DescriptionListDescription>
            </DescriptionListGroup>
            <DescriptionListGroup>
              <DescriptionListTerm>{t('Ansible playbook')}</DescriptionListTerm>
              <DescriptionListDescription>
                {spec?.playbook === undefined ? (
                  '-'
                ) : playbook === undefined ? (
                  t('The playbook is not base64: the hook cannot run')
                ) : (
                  <CodeBlock>
                    <CodeBlockCode data-testid={`${testId}-playbook`}>{playbook}</CodeBlockCode>
                  </CodeBlock>
                )}
              </DescriptionListDescription>
            </DescriptionListGroup>
          </>
        )}
      </DescriptionList>
    );
  };

  return (
    <section data-testid={testId}>
      <Flex justifyContent={{ default: 'justifyContentSpaceBetween' }} className="pf-v6-u-mb-md">
        <FlexItem>
          <Title headingLevel="h2">
            {step === 'pre' ? t('Pre-migration hook') : t('Post-migration hook')}
          </Title>
        </FlexItem>
        <Flex>
          <FlexItem>
            {gated(
              <Button
                variant="secondary"
                onClick={() => setOpened('edit')}
                isAriaDisabled={Boolean(editDisabledReason) || Boolean(spec?.aap)}
                data-testid={`${testId}-edit`}
              >
                {ref ? t('Edit hook') : t('Add hook')}
              </Button>,
            )}
          </FlexItem>
          {ref && (
            <FlexItem>
              {gated(
                <Button
                  variant="link"
                  isDanger
                  onClick={() => setOpened('remove')}
                  isAriaDisabled={Boolean(editDisabledReason)}
                  data-testid={`${testId}-remove`}
                >
                  {t('Remove hook')}
                </Button>,
              )}
            </FlexItem>
          )}
        </Flex>
      </Flex>
      {details()}
      {opened === 'edit' && (
        <EditPlanHookModal
          plan={plan}
          step={step}
          hook={hook.data}
          onClose={() => setOpened(undefined)}
        />
      )}
      {opened === 'remove' && (
        <RemovePlanHookModal plan={plan} step={step} onClose={() => setOpened(undefined)} />
      )}
    </section>
  );
};
