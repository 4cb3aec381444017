import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { K8sModel } from '@forklift-console/api';
import { useConsoleHost } from '../host/ConsoleHost.ts';
import { mapGeneralErrors, newMap, type MapGeneral } from '../utils/map-form.ts';
import { mapDetailsPath } from '../utils/map-paths.ts';
import { useCreateMap } from './useMapMutations.ts';
import { useMapProviders } from './useMapProviders.ts';

/**
 * The state both map forms share: name, project and providers, whether to show problems yet, and
 * creating the map, after which the details page opens. The rows are the feature's.
 */
export const useMapCreateForm = (model: K8sModel) => {
  const { namespace: pathNamespace } = useParams();
  const { activeNamespace } = useConsoleHost();
  const navigate = useNavigate();
  const [general, setGeneral] = useState<MapGeneral>({
    name: '',
    namespace: pathNamespace ?? activeNamespace ?? '',
    sourceProvider: '',
    targetProvider: '',
  });
  const [showErrors, setShowErrors] = useState(false);
  const providers = useMapProviders(
    general.namespace,
    general.sourceProvider,
    general.targetProvider,
  );
  const create = useCreateMap(model);
  const generalErrors = mapGeneralErrors(general);

  /** Creates the map with these entries when everything is valid; otherwise shows why not. */
  const submit = <Entry>(entries: Entry[], rowsValid: boolean) => {
    setShowErrors(true);
    const { source, target } = providers;
    if (Object.keys(generalErrors).length > 0 || !rowsValid || !source || !target) return;
    create.mutate(
      {
        namespace: general.namespace,
        map: newMap(model, general, { source, destination: target }, entries) as never,
      },
      { onSuccess: () => navigate(mapDetailsPath(model, general.namespace, general.name)) },
    );
  };

  return {
    general,
    changeGeneral: (change: Partial<MapGeneral>) => setGeneral((old) => ({ ...old, ...change })),
    generalErrors: showErrors ? generalErrors : {},
    showErrors,
    providers,
    create,
    submit,
  };
};
