import type { FC } from 'react';
import { PageSection } from '@patternfly/react-core';
import { useParams } from 'react-router';
import { PlanModel, type Plan } from '@forklift-console/api';
import { LoadErrorAlert } from '../../components/LoadErrorAlert.tsx';
import { LoadingSpinner } from '../../components/LoadingSpinner.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useResource } from '../../hooks/useResource.ts';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { BffError } from '../../utils/bff.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { PlanDetailsView } from './components/PlanDetailsView.tsx';
import type { WizardMapKinds } from '../create/utils/wizard-map-kinds.ts';

/**
 * One migration plan. The plan comes from the BFF and is refreshed by server push (a Plan change
 * invalidates ['resources', 'plans']), so the plan controller's conditions show without reload.
 */
export const PlanDetailsPage: FC<{ mapKinds: WizardMapKinds }> = ({ mapKinds }) => {
  const { t } = useForkliftTranslation();
  const { namespace = '', name = '' } = useParams();
  const { data: plan, error, isPending } = useResource<Plan>(PlanModel, namespace, name);

  if (isPending) return <LoadingSpinner />;
  if (error) {
    return (
      <>
        <PageTitle title={name} actions={<TipsButton />} />
        <PageSection>
          <LoadErrorAlert
            title={
              error instanceof BffError && error.status === 404
                ? t('The migration plan does not exist')
                : t('Could not load the migration plan')
            }
            error={error}
            testId="plan-load-error"
          />
        </PageSection>
      </>
    );
  }
  return <PlanDetailsView plan={plan} mapKinds={mapKinds} />;
};
