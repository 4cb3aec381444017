import type { FC } from 'react';
import { FormSelect, FormSelectOption } from '@patternfly/react-core';
import { NetworkAttachmentDefinitionModel } from '@forklift-console/api';
import { useResources } from '../../../hooks/useResources.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';

type Props = {
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  defaultLabel: string;
  label: string;
};

const DEFAULT_OPTION = '';

/** The pod network (default) or any NetworkAttachmentDefinition, named namespace/name. */
export const TransferNetworkSelect: FC<Props> = ({ id, value, onChange, defaultLabel, label }) => {
  const { t } = useForkliftTranslation();
  const {
    data: networks = [],
    isPending,
    error,
  } = useResources(NetworkAttachmentDefinitionModel, 'all');
  const names = networks
    .map((network) => `${network.metadata?.namespace}/${network.metadata?.name}`)
    .sort();
  if (value && !names.includes(value)) names.unshift(value);

  return (
    <FormSelect
      id={id}
      value={value ?? DEFAULT_OPTION}
      onChange={(_event, selected) => onChange(selected === DEFAULT_OPTION ? undefined : selected)}
      aria-label={label}
    >
      <FormSelectOption value={DEFAULT_OPTION} label={defaultLabel} />
      {isPending && <FormSelectOption isDisabled value="#loading" label={t('Loading')} />}
      {error && <FormSelectOption isDisabled value="#error" label={t('Could not load networks')} />}
      {names.map((name) => (
        <FormSelectOption key={name} value={name} label={name} />
      ))}
    </FormSelect>
  );
};
