// The wizard's form state and the changes that clear what depends on them, as Forklift's wizard
// does: a new project clears the providers and the target project, a new source clears the VMs
// and the maps, a new target clears the target project.
import { useCallback, useState } from 'react';
import { emptyPlanForm, type PlanForm, type SelectedVm } from '../utils/plan-form.ts';

export const usePlanForm = (namespace: string) => {
  const [form, setForm] = useState<PlanForm>(() => emptyPlanForm(namespace));

  const change = useCallback((patch: Partial<PlanForm>) => {
    setForm((old) => {
      const next = { ...old, ...patch };
      if (patch.namespace !== undefined && patch.namespace !== old.namespace) {
        Object.assign(next, { sourceProvider: '', targetProvider: '', targetNamespace: '' });
      }
      if (next.sourceProvider !== old.sourceProvider) {
        const blank = emptyPlanForm(next.namespace);
        Object.assign(next, {
          vms: blank.vms,
          targetNames: {},
          instanceTypes: {},
          networkMap: blank.networkMap,
          storageMap: blank.storageMap,
          migrationType: blank.migrationType,
        });
      }
      if (next.targetProvider !== old.targetProvider && patch.targetNamespace === undefined) {
        next.targetNamespace = '';
      }
      return next;
    });
  }, []);

  const setSelection = useCallback((update: (vms: Map<string, SelectedVm>) => void) => {
    setForm((old) => {
      const vms = new Map(old.vms);
      update(vms);
      return { ...old, vms };
    });
  }, []);

  return { form, change, setSelection };
};
