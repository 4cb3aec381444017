import type { FC } from 'react';
import {
  FormGroup,
  FormHelperText,
  FormSelect,
  FormSelectOption,
  HelperText,
  HelperTextItem,
  NumberInput,
} from '@patternfly/react-core';
import type { ForkliftSetting, SettingValue } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { formatSettingValue } from '../../utils/setting-display.ts';
import { TransferNetworkSelect } from './TransferNetworkSelect.tsx';

type Props = {
  setting: ForkliftSetting;
  value: SettingValue | undefined;
  error: string | undefined;
  onChange: (value: SettingValue | undefined) => void;
};

const DEFAULT_OPTION = '';

export const SettingField: FC<Props> = ({ setting, value, error, onChange }) => {
  const { t } = useForkliftTranslation();
  const id = `setting-field-${setting.key}`;
  const effective = value ?? setting.defaultValue;

  const control = () => {
    if (setting.control === 'number') {
      const number = typeof effective === 'number' ? effective : 0;
      return (
        <NumberInput
          id={id}
          value={number}
          min={setting.minimum}
          onMinus={() => onChange(number - 1)}
          onPlus={() => onChange(number + 1)}
          onChange={(event) => {
            const text = (event.target as HTMLInputElement).value;
            onChange(text === '' ? undefined : Number(text));
          }}
          inputName={setting.key}
          inputAriaLabel={t(setting.label)}
          minusBtnAriaLabel={t('Decrease')}
          plusBtnAriaLabel={t('Increase')}
          validated={error ? 'error' : 'default'}
        />
      );
    }
    if (setting.control === 'network') {
      return (
        <TransferNetworkSelect
          id={id}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
          defaultLabel={setting.defaultLabel ? t(setting.defaultLabel) : ''}
          label={t(setting.label)}
        />
      );
    }
    const options = setting.options ?? [];
    // A stored value outside the choices (set by YAML or the CRD default) stays visible.
    const choices =
      effective === undefined || options.includes(effective) ? options : [effective, ...options];
    return (
      <FormSelect
        id={id}
        value={String(effective ?? DEFAULT_OPTION)}
        onChange={(_event, selected) => {
          const chosen = choices.find((choice) => String(choice) === selected);
          onChange(chosen);
        }}
        aria-label={t(setting.label)}
        validated={error ? 'error' : 'default'}
      >
        {choices.map((choice) => (
          <FormSelectOption
            key={String(choice)}
            value={String(choice)}
            label={
              choice === setting.defaultValue
                ? t('{{value}} (default)', { value: formatSettingValue(setting, choice, t) })
                : formatSettingValue(setting, choice, t)
            }
          />
        ))}
      </FormSelect>
    );
  };

  return (
    <FormGroup label={t(setting.label)} fieldId={id}>
      {control()}
      {error && (
        <FormHelperText>
          <HelperText>
            <HelperTextItem variant="error" data-testid={`${setting.key}-error`}>
              {error}
            </HelperTextItem>
          </HelperText>
        </FormHelperText>
      )}
    </FormGroup>
  );
};
