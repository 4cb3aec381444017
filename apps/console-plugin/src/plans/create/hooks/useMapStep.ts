// One map step's state: the choice (an existing map or new rows), the kind's inventory options,
// the rows seeded once per selection with what the selected VMs use, and what is still wrong.
import { useEffect, useMemo, useState } from 'react';
import type { Provider } from '@forklift-console/api';
import { useResourcesInNamespace } from '../../../hooks/useResource.ts';
import type { AnyMap } from '../../../hooks/useMapMutations.ts';
import { providerKey, referencedProviderKey } from '../../../utils/map-form.ts';
import type { MapRow } from '../../../utils/map-rows.ts';
import { seedRows, unmappedSources, type WizardMapKind } from '../utils/wizard-map-kinds.ts';

type Input = {
  namespace: string;
  source: Provider | undefined;
  target: Provider | undefined;
  targetProject: string;
  /** The sources (network or storage ids) the selected VMs use. */
  usedIds: readonly string[];
};

export const useMapStep = <Map extends AnyMap>(
  kind: WizardMapKind<Map>,
  { namespace, source, target, targetProject, usedIds }: Input,
) => {
  const options = kind.useOptions(source, target, targetProject, true);
  const [rows, setRows] = useState<MapRow[]>(() => [kind.newRow('first')]);
  const [seededFor, setSeededFor] = useState<string | undefined>();
  const seedKey = `${source ? providerKey(source) : ''}|${usedIds.join(',')}`;
  const { suggest } = options;

  // A new selection re-derives the rows, as Forklift's wizard does.
  useEffect(() => {
    if (seededFor === seedKey || !suggest || usedIds.length === 0) return;
    const seeded = seedRows(suggest(), usedIds);
    setRows(seeded.length > 0 ? seeded : [kind.newRow('first')]);
    setSeededFor(seedKey);
  }, [seededFor, seedKey, suggest, usedIds, kind]);

  const problems = kind.rowsProblems(rows);
  const complete = !kind.hasRowsProblems(problems);
  const labelOf = (id: string) =>
    options.sources.find((option) => option.ref.id === id)?.label ?? id;
  const unmapped = unmappedSources(usedIds, rows, labelOf);

  const maps = useResourcesInNamespace<Map>(kind.model, namespace);
  // Only maps without an owner, between the plan's providers, can be copied for the plan.
  const existingMaps = useMemo(
    () =>
      (maps.data ?? []).filter(
        (map) =>
          (map.metadata?.ownerReferences ?? []).length === 0 &&
          source !== undefined &&
          target !== undefined &&
          referencedProviderKey(map.spec?.provider?.source, namespace) === providerKey(source) &&
          referencedProviderKey(map.spec?.provider?.destination, namespace) === providerKey(target),
      ),
    [maps.data, source, target, namespace],
  );

  return {
    kind,
    options,
    rows,
    setRows,
    problems,
    rowsState: { complete, count: rows.length, unmapped },
    entries: () => kind.entries(rows),
    existingMaps,
  };
};

export type MapStepState<Map extends AnyMap> = ReturnType<typeof useMapStep<Map>>;
