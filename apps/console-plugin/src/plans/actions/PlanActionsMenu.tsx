import { useState, type FC } from 'react';
import { DropdownItem, type MenuToggleProps } from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { useNavigate } from 'react-router';
import {
  planMigrationStatus,
  PlanModel,
  type Plan,
  type PlanStartAction,
  type PlanStartVerdict,
} from '@forklift-console/api';
import { ActionsDropdown } from '../../components/ActionsDropdown.tsx';
import { useAccessReview } from '../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { resourceListPath } from '../../utils/resource-paths.ts';
import { planDetailsPath } from '../utils/plan-paths.ts';
import { ArchivePlanModal } from './ArchivePlanModal.tsx';
import { DeletePlanModal } from './DeletePlanModal.tsx';
import { DuplicatePlanModal } from './DuplicatePlanModal.tsx';
import { StartPlanModal } from './StartPlanModal.tsx';
import { usePlanActionReasons } from './hooks/usePlanActionReasons.ts';
import { archiveBlock, deleteBlock, duplicateBlock, editBlock } from './utils/plan-action-rules.ts';

type Props = {
  plan: Plan;
  /** A kebab in a list row, or an "Actions" button in the details page's header. */
  variant: 'kebab' | 'actions';
  /** Whether the plan may start now (packages/api planStartVerdict); Start/Restart says why not. */
  startVerdict: PlanStartVerdict;
  sourceType?: string;
};

// Start carries the action it was opened for: as in PlanStartButton, the modal stays up while its
// request runs even if the plan turns Executing first.
type OpenModal = PlanStartAction | 'duplicate' | 'archive' | 'delete' | undefined;

/**
 * Start or Restart, Edit YAML, Duplicate, Archive and Delete, each off with its reason. Cancel is a
 * button of its own (PlanMigrationActions); Cutover comes with warm migration (the list says so).
 */
export const PlanActionsMenu: FC<Props> = ({ plan, variant, startVerdict, sourceType }) => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const reasonText = usePlanActionReasons();
  const [open, setOpen] = useState<OpenModal>();
  const name = plan.metadata?.name ?? '';
  const namespace = plan.metadata?.namespace ?? '';
  const status = planMigrationStatus(plan);
  const target = { group: PlanModel.group, resource: PlanModel.plural, namespace };
  const { allowed: mayPatch } = useAccessReview({ verb: 'patch', ...target });
  const { allowed: mayDelete } = useAccessReview({ verb: 'delete', ...target });
  const { allowed: mayCreate } = useAccessReview({ verb: 'create', ...target });
  const forbiddenUnless = (allowed: boolean | undefined) =>
    allowed === false ? ('forbidden' as const) : undefined;

  const editReason = reasonText(editBlock(plan) ?? forbiddenUnless(mayPatch));
  const duplicateReason = reasonText(duplicateBlock(status) ?? forbiddenUnless(mayCreate));
  const archiveReason = reasonText(archiveBlock(status) ?? forbiddenUnless(mayPatch));
  const deleteReason = reasonText(deleteBlock(status) ?? forbiddenUnless(mayDelete));
  const toggleProps: Partial<MenuToggleProps> =
    variant === 'kebab'
      ? {
          variant: 'plain',
          'aria-label': t('Actions for {{name}}', { name }),
          icon: <EllipsisVIcon />,
        }
      : {};

  return (
    <>
      <ActionsDropdown
        toggleProps={toggleProps}
        toggleTestId={`plan-actions-${name}`}
        label={variant === 'kebab' ? undefined : t('Actions')}
      >
        <DropdownItem
          onClick={() => startVerdict.allowed && setOpen(startVerdict.action)}
          isAriaDisabled={!startVerdict.allowed}
          description={startVerdict.allowed ? undefined : t(startVerdict.message)}
          data-testid="plan-action-start"
        >
          {startVerdict.allowed && startVerdict.action === 'restart' ? t('Restart') : t('Start')}
        </DropdownItem>
        <DropdownItem
          onClick={() => navigate(planDetailsPath(namespace, name, 'yaml'))}
          isAriaDisabled={editReason !== undefined}
          description={editReason}
          data-testid="plan-action-edit-yaml"
        >
          {t('Edit YAML')}
        </DropdownItem>
        <DropdownItem
          onClick={() => setOpen('duplicate')}
          isAriaDisabled={duplicateReason !== undefined}
          description={duplicateReason}
          data-testid="plan-action-duplicate"
        >
          {t('Duplicate')}
        </DropdownItem>
        <DropdownItem
          onClick={() => setOpen('archive')}
          isAriaDisabled={archiveReason !== undefined}
          description={archiveReason}
          data-testid="plan-action-archive"
        >
          {t('Archive')}
        </DropdownItem>
        <DropdownItem
          onClick={() => setOpen('delete')}
          isDanger
          isAriaDisabled={deleteReason !== undefined}
          description={deleteReason}
          data-testid="plan-action-delete"
        >
          {t('Delete')}
        </DropdownItem>
      </ActionsDropdown>
      {(open === 'start' || open === 'restart') && (
        <StartPlanModal
          plan={plan}
          action={open}
          sourceType={sourceType}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open === 'duplicate' && (
        <DuplicatePlanModal
          plan={plan}
          onClose={() => setOpen(undefined)}
          onDuplicated={(copy) => {
            setOpen(undefined);
            if (variant === 'actions') {
              navigate(planDetailsPath(namespace, copy.metadata?.name ?? ''));
            }
          }}
        />
      )}
      {open === 'archive' && (
        <ArchivePlanModal plan={{ namespace, name }} onClose={() => setOpen(undefined)} />
      )}
      {open === 'delete' && (
        <DeletePlanModal
          plan={plan}
          onClose={() => setOpen(undefined)}
          onDeleted={() => {
            setOpen(undefined);
            if (variant === 'actions') navigate(resourceListPath(PlanModel, namespace));
          }}
        />
      )}
    </>
  );
};
