import { useState, type FC } from 'react';
import { Content, Form, List, ListItem } from '@patternfly/react-core';
import { PlanModel, type Plan } from '@forklift-console/api';
import { FormTextField } from '../../components/FormTextField.tsx';
import { MutationModal } from '../../components/MutationModal.tsx';
import { useResources } from '../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { useDuplicatePlan } from './hooks/usePlanActionMutations.ts';
import { defaultDuplicateName, duplicateNameProblem } from './utils/plan-action-rules.ts';

type Props = { plan: Plan; onClose: () => void; onDuplicated: (copy: Plan) => void };

export const DuplicatePlanModal: FC<Props> = ({ plan, onClose, onDuplicated }) => {
  const { t } = useForkliftTranslation();
  const key = { namespace: plan.metadata?.namespace ?? '', name: plan.metadata?.name ?? '' };
  const [name, setName] = useState(defaultDuplicateName(key.name));
  const duplicate = useDuplicatePlan(key);
  // Every plan the user can see, in every project: Forklift wants names unique across them.
  const plans = useResources<Plan>(PlanModel, 'all');
  const problem = duplicateNameProblem(name, plans.data ?? []);
  const problemText =
    problem?.kind === 'invalid'
      ? t('The name {{detail}}', { detail: problem.detail })
      : problem?.kind === 'taken'
        ? t('A plan named {{name}} already exists in project {{namespace}}', {
            name,
            namespace: problem.namespace,
          })
        : undefined;
  const maps = plan.spec?.map;
  return (
    <MutationModal
      testId="duplicate-plan-modal"
      title={t('Duplicate plan')}
      onClose={onClose}
      mutation={duplicate}
      errorTitle={t('The plan was not duplicated')}
      errorTestId="duplicate-plan-error"
      actionLabel={t('Duplicate')}
      actionTestId="confirm-duplicate-plan"
      isActionDisabled={problem !== undefined}
      onAction={() => duplicate.mutate(name, { onSuccess: onDuplicated })}
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormTextField
          id="duplicate-plan-name"
          label={t('New migration plan name')}
          value={name}
          onChange={setName}
          isRequired
          error={problemText}
          testId="duplicate-plan-name"
        />
      </Form>
      <Content component="p" className="pf-v6-u-mt-md">
        {t(
          'The copy gets its own copies of the maps, hooks and secrets this plan owns; maps shared with other plans stay shared:',
        )}
      </Content>
      <List>
        <ListItem>{t('Network map: {{name}}', { name: maps?.network.name ?? '–' })}</ListItem>
        <ListItem>{t('Storage map: {{name}}', { name: maps?.storage.name ?? '–' })}</ListItem>
      </List>
    </MutationModal>
  );
};
