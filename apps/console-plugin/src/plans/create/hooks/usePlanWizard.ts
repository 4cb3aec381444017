// Everything the wizard's steps, footer and review read: the form, what it chooses from, the two
// map steps, each step's errors and the submit that creates the plan through the BFF.
import { useMemo } from 'react';
import { useParams } from 'react-router';
import {
  ForkliftControllerModel,
  type ForkliftController,
  type Provider,
} from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useResources } from '../../../hooks/useResources.ts';
import { networksUsedByVms, storagesUsedByVms } from '../../../utils/map-inventory.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import {
  generalErrors,
  hooksErrors,
  mapChoiceErrors,
  otherSettingsErrors,
  vmsErrors,
  type FieldErrors,
  type PlanForm,
} from '../utils/plan-form.ts';
import { createPlanRequest } from '../utils/plan-request.ts';
import type { WizardMapKinds } from '../utils/wizard-map-kinds.ts';
import { useCreatePlan } from './useCreatePlan.ts';
import { useMapStep } from './useMapStep.ts';
import { usePlanForm } from './usePlanForm.ts';
import { useWizardChoices } from './useWizardChoices.ts';

export const STEP_IDS = [
  'general',
  'vms',
  'network-map',
  'storage-map',
  'migration-type',
  'other-settings',
  'hooks',
  'review',
] as const;

export type StepId = (typeof STEP_IDS)[number];

/** Which migration types the source supports beyond cold (reference ui.md §2.6, Migration type). */
export const extraMigrationTypes = (source: Provider | undefined, liveEnabled: boolean) => {
  const type = source?.spec?.type;
  return {
    warm: type === 'vsphere' || type === 'ovirt',
    live: type === 'openshift' && liveEnabled,
  };
};

const useLiveMigrationEnabled = () => {
  const controllers = useResources<ForkliftController>(ForkliftControllerModel, 'all');
  return (controllers.data ?? []).some(
    (controller) =>
      String(
        (controller.spec as Record<string, unknown> | undefined)?.feature_ocp_live_migration,
      ) === 'true',
  );
};

const usedIds = (type: string | undefined, form: PlanForm) => {
  const usages = [...form.vms.values()].flatMap((vm) => (vm.usage ? [vm.usage] : []));
  return { networks: networksUsedByVms(type, usages), storages: storagesUsedByVms(type, usages) };
};

export const usePlanWizard = (kinds: WizardMapKinds) => {
  const { t } = useForkliftTranslation();
  const { namespace: pathNamespace } = useParams();
  const { activeNamespace } = useConsoleHost();
  const { form, change, setSelection } = usePlanForm(pathNamespace ?? activeNamespace ?? '');
  const choices = useWizardChoices(form.namespace, form.sourceProvider, form.targetProvider);
  const { source, target } = choices;
  const sourceType = source?.spec?.type;
  const used = useMemo(() => usedIds(sourceType, form), [sourceType, form]);
  const mapInput = {
    namespace: form.namespace,
    source,
    target,
    targetProject: form.targetNamespace,
  };
  const networkStep = useMapStep(kinds.network, { ...mapInput, usedIds: used.networks });
  const storageStep = useMapStep(kinds.storage, { ...mapInput, usedIds: used.storages });
  const liveEnabled = useLiveMigrationEnabled();
  const migrationTypes = extraMigrationTypes(source, liveEnabled);
  const isVsphere = sourceType === 'vsphere';
  const create = useCreatePlan();

  const errors: Record<StepId, FieldErrors> = {
    general: generalErrors(form, choices.takenPlanNames, t),
    vms: vmsErrors(form, t),
    'network-map': mapChoiceErrors(form.networkMap, networkStep.rowsState, t),
    'storage-map': mapChoiceErrors(form.storageMap, storageStep.rowsState, t),
    'migration-type': {},
    'other-settings': otherSettingsErrors(form, isVsphere, t),
    hooks: hooksErrors(form, t),
    review: {},
  };

  const submit = () => {
    if (!source || !target) return;
    create.mutate({
      namespace: form.namespace,
      request: createPlanRequest(form, {
        source,
        target,
        isVsphere,
        networkEntries: networkStep.entries() as never,
        storageEntries: storageStep.entries() as never,
      }),
    });
  };

  return {
    form,
    change,
    setSelection,
    choices,
    networkStep,
    storageStep,
    migrationTypes,
    hasMigrationTypeStep: migrationTypes.warm || migrationTypes.live,
    isVsphere,
    errors,
    create,
    submit,
  };
};

export type PlanWizardState = ReturnType<typeof usePlanWizard>;
