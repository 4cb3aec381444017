import type { FC } from 'react';
import { FormGroup, FormSelect, FormSelectOption } from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { useNamespaces } from '../../hooks/useNamespaces.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import type { MapGeneral, MapGeneralErrors } from '../../utils/map-form.ts';
import { FieldHelperText } from '../FieldHelperText.tsx';
import { FormTextField } from '../FormTextField.tsx';
import { ProviderSelect } from './ProviderSelect.tsx';

type Props = {
  /** "Network map name" or "Storage map name". */
  nameLabel: string;
  general: MapGeneral;
  onChange: (change: Partial<MapGeneral>) => void;
  /** Shown once the user has tried to submit or touched the field. */
  errors: MapGeneralErrors;
  sources: readonly Provider[];
  targets: readonly Provider[];
};

/** Name, project, source and target provider: what every map has before its rows. */
export const MapGeneralFields: FC<Props> = ({
  nameLabel,
  general,
  onChange,
  errors,
  sources,
  targets,
}) => {
  const { t } = useForkliftTranslation();
  const namespaces = useNamespaces();
  const projects = [...new Set([general.namespace, ...(namespaces.data ?? [])])]
    .filter(Boolean)
    .sort();
  return (
    <>
      <FormTextField
        id="map-name"
        label={nameLabel}
        value={general.name}
        onChange={(name) => onChange({ name })}
        isRequired
        testId="map-name"
        error={errors.name}
        helper={t('Unique in the project: lower case letters, digits, "-" and ".".')}
      />
      <FormGroup label={t('Project')} isRequired fieldId="map-project">
        <FormSelect
          id="map-project"
          value={general.namespace}
          // The source provider belongs to the project: a new project means choosing it again.
          onChange={(_event, namespace) => onChange({ namespace, sourceProvider: '' })}
          validated={errors.namespace ? 'error' : 'default'}
          data-testid="map-project"
        >
          <FormSelectOption value="" label={t('Select a project')} isPlaceholder />
          {projects.map((namespace) => (
            <FormSelectOption key={namespace} value={namespace} label={namespace} />
          ))}
        </FormSelect>
        <FieldHelperText
          error={errors.namespace && t('Choose a project')}
          helper={t(
            'The map is created in this project, and its source provider is chosen from it.',
          )}
          testId="map-project"
        />
      </FormGroup>
      <ProviderSelect
        id="map-source-provider"
        label={t('Source provider')}
        providers={sources}
        value={general.sourceProvider}
        onChange={(sourceProvider) => onChange({ sourceProvider })}
        error={errors.sourceProvider && t('Choose a source provider')}
        helper={t('Where the virtual machines come from.')}
      />
      <ProviderSelect
        id="map-target-provider"
        label={t('Target provider')}
        providers={targets}
        value={general.targetProvider}
        onChange={(targetProvider) => onChange({ targetProvider })}
        error={errors.targetProvider && t('Choose a target provider')}
        helper={t('The OpenShift cluster the virtual machines move to.')}
      />
    </>
  );
};
