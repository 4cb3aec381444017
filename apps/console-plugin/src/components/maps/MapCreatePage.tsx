import { useState, type ReactNode } from 'react';
import { useMapCreateForm } from '../../hooks/useMapCreateForm.ts';
import type { AnyMap } from '../../hooks/useMapMutations.ts';
import { useSuggestDisabledReason } from '../../hooks/useSuggestDisabledReason.ts';
import type { MapRow } from '../../utils/map-rows.ts';
import type { MapKind } from './map-kind.ts';
import { MapCreateForm } from './MapCreateForm.tsx';

type Props<Map extends AnyMap, Row extends MapRow, Options, Problems> = {
  kind: MapKind<Map, Row, Options, Problems>;
  title: string;
  description: string;
  nameLabel: string;
  errorTitle: string;
  rowsTitle: string;
  tipsButton: ReactNode;
};

/** Create with form for one kind of map: its rows start with one empty row. */
export const MapCreatePage = <Map extends AnyMap, Row extends MapRow, Options, Problems>({
  kind,
  ...labels
}: Props<Map, Row, Options, Problems>) => {
  const form = useMapCreateForm(kind.model);
  const [rows, setRows] = useState<Row[]>(() => [kind.newRow('first')]);
  const { source, target } = form.providers;
  const options = kind.useOptions(source, target, form.general.namespace);
  const problems = kind.rowsProblems(rows);
  const suggestDisabledReason = useSuggestDisabledReason({
    hasProviders: Boolean(source && target),
    isSupported: options.isSuggestionSupported,
    canSuggest: options.suggest !== undefined,
  });
  const { suggest } = options;
  const { RowsEditor } = kind;

  return (
    <MapCreateForm
      model={kind.model}
      {...labels}
      form={form}
      onSuggest={suggest && (() => setRows(suggest()))}
      suggestDisabledReason={suggestDisabledReason}
      inventoryError={options.error}
      onSubmit={() => form.submit(kind.entries(rows), !kind.hasRowsProblems(problems))}
      rows={
        <RowsEditor
          rows={rows}
          onChange={setRows}
          options={options}
          problems={problems}
          showIncomplete={form.showErrors}
        />
      }
    />
  );
};
