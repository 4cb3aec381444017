import { useEffect, type FC } from 'react';
import { useNavigate } from 'react-router';
import { PageSection } from '@patternfly/react-core';
import { PlanModel } from '@forklift-console/api';
import { PageTitle } from '../../components/PageTitle.tsx';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { resourceListPath } from '../../utils/resource-paths.ts';
import { usePlanWizard } from './hooks/usePlanWizard.ts';
import { PlanWizard } from './PlanWizard.tsx';
import type { WizardMapKinds } from './utils/wizard-map-kinds.ts';

/**
 * Create migration plan. The map kinds come from the network and storage map features (through
 * pages.ts), so that this feature reuses their rows and editors without importing them.
 */
export const PlanCreatePage: FC<{ mapKinds: WizardMapKinds }> = ({ mapKinds }) => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const wizard = usePlanWizard(mapKinds);
  const created = wizard.create.data;

  useEffect(() => {
    const name = created?.metadata?.name;
    const namespace = created?.metadata?.namespace;
    if (name && namespace) {
      navigate(`${resourceListPath(PlanModel, namespace)}/${encodeURIComponent(name)}`);
    }
  }, [created, navigate]);

  return (
    <>
      <PageTitle title={t('Create migration plan')} actions={<TipsButton />} />
      <PageSection isFilled>
        <PlanWizard
          wizard={wizard}
          onCancel={() => navigate(resourceListPath(PlanModel, wizard.form.namespace || undefined))}
        />
      </PageSection>
    </>
  );
};
