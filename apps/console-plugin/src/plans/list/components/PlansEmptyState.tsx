import type { FC } from 'react';
import {
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { ProviderModel } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';
import { useCreatePlanGate } from '../hooks/useCreatePlanGate.ts';
import { CreatePlanButton } from './CreatePlanButton.tsx';

/** No plans at all: what a plan is, and the way to the first one (or to providers first). */
export const PlansEmptyState: FC = () => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const blocked = useCreatePlanGate() !== undefined;
  return (
    <EmptyState titleText={t('No plans found')} headingLevel="h2" data-testid="empty-state">
      <EmptyStateBody>
        {t(
          'A migration plan chooses the virtual machines to migrate, from which provider, into which project, and how their networks and storage map.',
        )}
      </EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          <CreatePlanButton />
        </EmptyStateActions>
        {blocked && (
          <EmptyStateActions>
            <Link
              to={resourceListPath(ProviderModel, activeNamespace)}
              data-testid="go-to-providers"
            >
              {t('Go to the providers list page')}
            </Link>
          </EmptyStateActions>
        )}
      </EmptyStateFooter>
    </EmptyState>
  );
};
