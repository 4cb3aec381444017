import type { FC } from 'react';
import { PageSection, Tab, Tabs, TabTitleText } from '@patternfly/react-core';
import { useLocation, useNavigate } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';
import { TipsButton } from '../tips/TipsButton.tsx';
import { AdministratorAccessRequired } from '../components/AdministratorAccessRequired.tsx';
import { useAdministratorAccess } from '../hooks/useAdministratorAccess.ts';
import { useForkliftTranslation } from '../utils/i18n.ts';
import { OverviewTab } from './tabs/overview/OverviewTab.tsx';
import { ForkliftControllerYamlTab } from './tabs/yaml/ForkliftControllerYamlTab.tsx';
import { SettingsTab } from './tabs/settings/SettingsTab.tsx';
import { HistoryTab } from './tabs/history/HistoryTab.tsx';
import { HealthTab } from './tabs/health/HealthTab.tsx';
import { overviewTabOf, overviewTabPath, type OverviewTabKey } from './utils/overview-tabs.ts';
import { LoadingSpinner } from '../components/LoadingSpinner.tsx';

export const OverviewPage: FC = () => {
  const { t } = useForkliftTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const access = useAdministratorAccess();
  const active = overviewTabOf(pathname);
  const tabs: { key: OverviewTabKey; title: string; content: FC }[] = [
    { key: 'overview', title: t('Overview'), content: OverviewTab },
    { key: 'yaml', title: t('YAML'), content: ForkliftControllerYamlTab },
    { key: 'health', title: t('Health'), content: HealthTab },
    { key: 'history', title: t('History'), content: HistoryTab },
    { key: 'settings', title: t('Settings'), content: SettingsTab },
  ];

  if (access.isPending) {
    return <LoadingSpinner />;
  }
  // A failed check is treated like a refusal: the BFF would refuse the admin routes anyway.
  if (access.data !== true) return <AdministratorAccessRequired />;

  return (
    <>
      <PageTitle title={t('Overview')} actions={<TipsButton />} />
      <PageSection type="tabs">
        <Tabs
          activeKey={active}
          onSelect={(_event, key) => navigate(overviewTabPath(key as OverviewTabKey))}
          aria-label={t('Overview tabs')}
          usePageInsets
          mountOnEnter
          unmountOnExit
        >
          {tabs.map(({ key, title, content: Content }) => (
            <Tab
              key={key}
              eventKey={key}
              title={<TabTitleText>{title}</TabTitleText>}
              data-testid={`overview-tab-${key}`}
            >
              <PageSection>
                <Content />
              </PageSection>
            </Tab>
          ))}
        </Tabs>
      </PageSection>
    </>
  );
};
