import type { FC } from 'react';
import { EmptyState, EmptyStateBody, PageSection } from '@patternfly/react-core';
import LockIcon from '@patternfly/react-icons/dist/esm/icons/lock-icon';
import { useForkliftTranslation } from '../utils/i18n.ts';

export const AdministratorAccessRequired: FC = () => {
  const { t } = useForkliftTranslation();
  return (
    <PageSection>
      <EmptyState
        titleText={t('You need administrator access')}
        headingLevel="h1"
        icon={LockIcon}
        data-testid="admin-access-required"
      >
        <EmptyStateBody>
          {t(
            'This page is for administrators of the migration service: people who may list namespaces and change the ForkliftController. Ask your cluster administrator for access.',
          )}
        </EmptyStateBody>
      </EmptyState>
    </PageSection>
  );
};
