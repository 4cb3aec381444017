import type { FC } from 'react';
import {
  Content,
  EmptyState,
  EmptyStateActions,
  EmptyStateBody,
  EmptyStateFooter,
} from '@patternfly/react-core';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { CreateProviderButton } from './CreateProviderButton.tsx';

/** No providers at all: what they are for, and the way to add the first one. */
export const ProvidersEmptyState: FC = () => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  return (
    <EmptyState
      titleText={
        activeNamespace
          ? t('No providers found in project {{namespace}}', { namespace: activeNamespace })
          : t('No providers found')
      }
      headingLevel="h2"
      data-testid="empty-state"
    >
      <EmptyStateBody>
        <Content component="p">
          {t(
            'Providers connect the console to the virtualization platforms you migrate from and to. To migrate virtual machines:',
          )}
        </Content>
        <Content component="ol">
          <Content component="li">{t('Add a source provider and a target provider.')}</Content>
          <Content component="li">
            {t('Map the source networks and storage to the target.')}
          </Content>
          <Content component="li">
            {t('Create a migration plan and choose its virtual machines.')}
          </Content>
          <Content component="li">{t('Run the plan.')}</Content>
        </Content>
      </EmptyStateBody>
      <EmptyStateFooter>
        <EmptyStateActions>
          <CreateProviderButton />
        </EmptyStateActions>
      </EmptyStateFooter>
    </EmptyState>
  );
};
