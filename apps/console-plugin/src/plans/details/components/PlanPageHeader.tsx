import type { FC } from 'react';
import {
  Breadcrumb,
  BreadcrumbItem,
  Button,
  Flex,
  FlexItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { planMigrationStatus, PlanModel, vmNamesByState, type Plan } from '@forklift-console/api';
import { NotBuiltYetNotice } from '../../../components/NotBuiltYetNotice.tsx';
import { TipsButton } from '../../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';
import { criticalConcerns, type PlanConcern } from '../utils/plan-concerns.ts';
import { PlanActionsMenu } from '../../actions/PlanActionsMenu.tsx';
import { PlanMigrationActions } from '../../actions/PlanMigrationActions.tsx';
import { usePlanStart } from '../../actions/hooks/usePlanStart.ts';
import { PlanMigrationStartedAlert } from './PlanMigrationStartedAlert.tsx';
import { PlanCriticalAlert } from './PlanCriticalAlert.tsx';
import { PlanStatusLabel } from '../../components/PlanStatusLabel.tsx';
import { planVmsPath } from '../../utils/plan-paths.ts';
import { usePlanStatusFacts } from '../../hooks/usePlanStatusFacts.ts';

type Props = {
  plan: Plan;
  concerns: readonly PlanConcern[];
  onViewConcerns: () => void;
  /** The source provider's type: OVA plans get a simpler Start message. */
  sourceType?: string;
  /** The source inventory's VMs, for Cancel of VMs the plan names without ids. */
  inventoryVms: readonly { id: string; name: string }[];
};

/** Breadcrumb, name, status, Start/Restart/Cancel and the actions, and what keeps the plan from starting. */
export const PlanPageHeader: FC<Props> = ({
  plan,
  concerns,
  onViewConcerns,
  sourceType,
  inventoryVms,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = plan.metadata ?? {};
  const status = planMigrationStatus(plan);
  const start = usePlanStart(plan);
  // Until the engine takes the Migration up (Executing), only the Migration tells; the list's
  // status cell says Starting on the same rule.
  const isWaitingForEngine = usePlanStatusFacts(plan).isStarting;
  const failedVms = vmNamesByState(plan.status?.migration?.vms ?? []).Failed.length;
  const critical = criticalConcerns(concerns);
  const showCritical = critical.length > 0 && status !== 'Completed' && status !== 'Archived';

  return (
    <PageSection>
      <Breadcrumb className="pf-v6-u-mb-md">
        <BreadcrumbItem>
          <Link to={resourceListPath(PlanModel, namespace)}>{t('Migration plans')}</Link>
        </BreadcrumbItem>
        <BreadcrumbItem isActive>{name}</BreadcrumbItem>
      </Breadcrumb>
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
        flexWrap={{ default: 'nowrap' }}
      >
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <Title headingLevel="h1" data-testid="page-title">
              {name}
            </Title>
          </FlexItem>
          <FlexItem>
            <PlanStatusLabel status={status} testId="plan-status" />
          </FlexItem>
          {failedVms > 0 && (
            <FlexItem>
              <Link
                to={planVmsPath(namespace, name, 'Failed')}
                data-testid="plan-header-failed-vms"
              >
                {t('View failed VMs ({{count}})', { count: failedVms })}
              </Link>
            </FlexItem>
          )}
        </Flex>
        <Flex flexWrap={{ default: 'nowrap' }}>
          <FlexItem>
            <PlanMigrationActions
              plan={plan}
              start={start}
              sourceType={sourceType}
              inventoryVms={inventoryVms}
            />
          </FlexItem>
          <FlexItem>
            <Button variant="link" onClick={onViewConcerns} data-testid="open-concerns-drawer">
              {t('Concerns')}
            </Button>
          </FlexItem>
          <FlexItem>
            <PlanActionsMenu
              plan={plan}
              variant="actions"
              startVerdict={start.verdict}
              sourceType={sourceType}
            />
          </FlexItem>
          <FlexItem>
            <TipsButton />
          </FlexItem>
        </Flex>
      </Flex>
      {(plan.spec?.type === 'warm' || plan.spec?.warm) && (
        <div className="pf-v6-u-mt-md">
          <NotBuiltYetNotice
            missing={t(
              'Warm migrations cannot be cut over yet: Schedule cutover comes with warm migration.',
            )}
          />
        </div>
      )}
      {isWaitingForEngine && start.active && <PlanMigrationStartedAlert migration={start.active} />}
      {showCritical && <PlanCriticalAlert concerns={critical} onViewAll={onViewConcerns} />}
    </PageSection>
  );
};
