import type { FC } from 'react';
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { PROVIDER_TYPES } from '../../utils/provider-types.ts';
import type { CreatableProviderType } from '@forklift-console/api';
import { isCreatableType } from '../utils/provider-form.ts';

type Props = {
  value: CreatableProviderType | undefined;
  onChange: (type: CreatableProviderType) => void;
};

const NONE = '';

/** Every type Forklift knows; those this console cannot create yet are shown, but disabled. */
export const ProviderTypeField: FC<Props> = ({ value, onChange }) => {
  const { t } = useForkliftTranslation();
  return (
    <FormGroup label={t('Provider type')} isRequired fieldId="provider-type">
      <FormSelect
        id="provider-type"
        value={value ?? NONE}
        onChange={(_event, type) => {
          if (isCreatableType(type)) onChange(type);
        }}
        data-testid="provider-type-select"
      >
        <FormSelectOption
          value={NONE}
          label={t('Select a provider type')}
          isPlaceholder
          isDisabled
        />
        {PROVIDER_TYPES.map(({ type, label, creatable }) => (
          <FormSelectOption
            key={type}
            value={type}
            // Brand names stay as they are in every language.
            label={creatable ? label : t('{{type}} (Not available yet)', { type: label })}
            isDisabled={!creatable}
          />
        ))}
      </FormSelect>
    </FormGroup>
  );
};
