import { useState, type FC } from 'react';
import {
  Drawer,
  DrawerContent,
  DrawerContentBody,
  PageSection,
  Tab,
  Tabs,
  TabTitleText,
} from '@patternfly/react-core';
import { useLocation, useNavigate } from 'react-router';
import type { Plan } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { usePlanInventoryVms } from '../hooks/usePlanInventoryVms.ts';
import { PlanDetailsTab } from '../tabs/details/PlanDetailsTab.tsx';
import { PlanHooksTab } from '../tabs/hooks/PlanHooksTab.tsx';
import { PlanMappingsTab } from '../tabs/mappings/PlanMappingsTab.tsx';
import { PlanUtilizationTab } from '../tabs/utilization/PlanUtilizationTab.tsx';
import { PlanVmsTab } from '../tabs/vms/PlanVmsTab.tsx';
import { PlanYamlTab } from '../tabs/yaml/PlanYamlTab.tsx';
import { planConcerns } from '../utils/plan-concerns.ts';
import type { PlanTabProps } from '../utils/plan-tab-props.ts';
import type { WizardMapKinds } from '../../create/utils/wizard-map-kinds.ts';
import { planDetailsPath, planTabOf, PLAN_TABS, type PlanTabKey } from '../../utils/plan-paths.ts';
import { PlanConcernsPanel } from './PlanConcernsPanel.tsx';
import { PlanPageHeader } from './PlanPageHeader.tsx';

const TAB_CONTENT: Record<PlanTabKey, FC<PlanTabProps>> = {
  details: PlanDetailsTab,
  yaml: PlanYamlTab,
  vms: PlanVmsTab,
  resources: PlanUtilizationTab,
  mappings: PlanMappingsTab,
  hooks: PlanHooksTab,
};

/** The loaded plan: header, tabs, and the concerns side drawer around them. */
export const PlanDetailsView: FC<{ plan: Plan; mapKinds: WizardMapKinds }> = ({
  plan,
  mapKinds,
}) => {
  const { t } = useForkliftTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [isDrawerOpen, setDrawerOpen] = useState(false);
  const inventory = usePlanInventoryVms(plan);
  const concerns = planConcerns(plan, inventory.vms);
  const { namespace = '', name = '' } = plan.metadata ?? {};
  const titles: Record<PlanTabKey, string> = {
    details: t('Details'),
    yaml: t('YAML'),
    vms: t('Virtual machines'),
    resources: t('Utilization'),
    mappings: t('Mappings'),
    hooks: t('Hooks'),
  };

  return (
    <Drawer isExpanded={isDrawerOpen} position="end">
      <DrawerContent
        panelContent={
          <PlanConcernsPanel concerns={concerns} onClose={() => setDrawerOpen(false)} />
        }
      >
        <DrawerContentBody>
          <PlanPageHeader
            plan={plan}
            concerns={concerns}
            onViewConcerns={() => setDrawerOpen(true)}
            sourceType={inventory.sourceType}
            inventoryVms={inventory.vms}
          />
          <PageSection type="tabs">
            <Tabs
              activeKey={planTabOf(pathname)}
              onSelect={(_event, key) =>
                navigate(planDetailsPath(namespace, name, key as PlanTabKey))
              }
              aria-label={t('Plan tabs')}
              usePageInsets
              mountOnEnter
              unmountOnExit
            >
              {PLAN_TABS.map((key) => {
                const Content = TAB_CONTENT[key];
                return (
                  <Tab
                    key={key}
                    eventKey={key}
                    title={<TabTitleText>{titles[key]}</TabTitleText>}
                    data-testid={`plan-tab-${key}`}
                  >
                    <PageSection>
                      <Content
                        plan={plan}
                        inventory={inventory}
                        concerns={concerns}
                        mapKinds={mapKinds}
                      />
                    </PageSection>
                  </Tab>
                );
              })}
            </Tabs>
          </PageSection>
        </DrawerContentBody>
      </DrawerContent>
    </Drawer>
  );
};
