import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import {
  initialProviderForm,
  type ProviderFormField,
  type ProviderFormValues,
} from '../utils/provider-form.ts';
import type { CreatableProviderType } from '@forklift-console/api';
import { validateProviderForm } from '../utils/validate-provider-form.ts';
import { useProjectProviderNames } from './useProjectProviderNames.ts';

/** `?providerType=` preselects the type, as the Overview's welcome card links do. */
const TYPE_PARAM = 'providerType';

/**
 * The create form's values and what is wrong with them. A field's error shows once the user has
 * changed it, so an untouched form is not a wall of red; Create stays disabled either way.
 */
export const useProviderForm = () => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const [searchParams] = useSearchParams();
  const [values, setValues] = useState(() =>
    initialProviderForm(activeNamespace, searchParams.get(TYPE_PARAM)),
  );
  const [touched, setTouched] = useState<Partial<Record<ProviderFormField, true>>>({});
  const existingNames = useProjectProviderNames(values.namespace);

  const setField = useCallback(
    <Field extends ProviderFormField>(field: Field, value: ProviderFormValues[Field]) => {
      setValues((current) => ({ ...current, [field]: value }));
      setTouched((current) => ({ ...current, [field]: true }));
    },
    [],
  );

  // Each type reads its URL differently (an SDK endpoint, an NFS share, an API server), so a URL
  // typed for one type is cleared rather than carried into another, and is not yet an error there.
  const chooseType = useCallback((type: CreatableProviderType) => {
    setValues((current) => (current.type === type ? current : { ...current, type, url: '' }));
    setTouched(({ url: _url, ...current }) => ({ ...current, type: true }));
  }, []);

  const validation = useMemo(
    () => validateProviderForm(values, { existingNames: existingNames.data ?? [], t }),
    [values, existingNames.data, t],
  );

  return {
    values,
    setField,
    chooseType,
    isValid: validation.isValid,
    errorOf: (field: ProviderFormField) => (touched[field] ? validation.errors[field] : undefined),
    warningOf: (field: ProviderFormField) => validation.warnings[field],
  };
};

export type ProviderForm = ReturnType<typeof useProviderForm>;
