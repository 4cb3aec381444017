import { useState, type FC } from 'react';
import { NetworkMapModel } from '@forklift-console/api';
import { MapCreateForm } from '../../components/maps/MapCreateForm.tsx';
import { useMapCreateForm } from '../../hooks/useMapCreateForm.ts';
import { useSuggestDisabledReason } from '../../hooks/useSuggestDisabledReason.ts';
import { TipsButton } from '../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { NetworkRowsEditor } from '../components/NetworkRowsEditor.tsx';
import { useNetworkMapOptions } from '../hooks/useNetworkMapOptions.ts';
import {
  hasNetworkRowsProblems,
  networkMapEntries,
  networkRowsProblems,
  type NetworkRow,
} from '../utils/network-rows.ts';

export const NetworkMapCreatePage: FC = () => {
  const { t } = useForkliftTranslation();
  const form = useMapCreateForm(NetworkMapModel);
  const [rows, setRows] = useState<NetworkRow[]>([{ key: 'first' }]);
  const { source, target } = form.providers;
  const options = useNetworkMapOptions(source, target, form.general.namespace);
  const problems = networkRowsProblems(rows);
  const suggestDisabledReason = useSuggestDisabledReason({
    hasProviders: Boolean(source && target),
    isSupported: options.isSuggestionSupported,
    canSuggest: options.suggest !== undefined,
  });
  const { suggest } = options;

  return (
    <MapCreateForm
      model={NetworkMapModel}
      title={t('Create network map')}
      description={t(
        'A network map tells a migration plan which network in the target cluster each source network becomes.',
      )}
      nameLabel={t('Network map name')}
      errorTitle={t('Error creating network map')}
      rowsTitle={t('Network mappings')}
      form={form}
      onSuggest={suggest && (() => setRows(suggest()))}
      suggestDisabledReason={suggestDisabledReason}
      inventoryError={options.error}
      onSubmit={() => form.submit(networkMapEntries(rows), !hasNetworkRowsProblems(problems))}
      tipsButton={<TipsButton />}
      rows={
        <NetworkRowsEditor
          rows={rows}
          onChange={setRows}
          sources={options.sources}
          targets={options.targets}
          problems={problems}
          showIncomplete={form.showErrors}
        />
      }
    />
  );
};
