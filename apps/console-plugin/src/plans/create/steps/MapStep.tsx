import {
  Alert,
  Content,
  Form,
  FormGroup,
  FormSelect,
  FormSelectOption,
  Radio,
  Title,
} from '@patternfly/react-core';
import { FieldHelperText } from '../../../components/FieldHelperText.tsx';
import { FormTextField } from '../../../components/FormTextField.tsx';
import { LoadErrorAlert } from '../../../components/LoadErrorAlert.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { AnyMap } from '../../../hooks/useMapMutations.ts';
import type { MapStepState } from '../hooks/useMapStep.ts';
import type { FieldErrors, MapChoiceForm } from '../utils/plan-form.ts';

type Props<Map extends AnyMap> = {
  /** `network` or `storage`: names the test ids. */
  id: 'network' | 'storage';
  title: string;
  description: string;
  step: MapStepState<Map>;
  choice: MapChoiceForm;
  onChange: (choice: MapChoiceForm) => void;
  errors: FieldErrors;
};

/**
 * Use an existing map (only maps without an owner, for the plan's providers; the plan gets its
 * own copy) or a new one from rows seeded with what the selected VMs use.
 */
export const MapStep = <Map extends AnyMap>({
  id,
  title,
  description,
  step,
  choice,
  onChange,
  errors,
}: Props<Map>) => {
  const { t } = useForkliftTranslation();
  const { RowsEditor } = step.kind;
  return (
    <Form onSubmit={(event) => event.preventDefault()}>
      <Title headingLevel="h2">{title}</Title>
      <Content component="p">{description}</Content>
      <FormGroup role="radiogroup" isInline fieldId={`${id}-map-mode`} label={t('Map')}>
        <Radio
          id={`${id}-map-existing`}
          name={`${id}-map-mode`}
          label={t('Use an existing map')}
          isChecked={choice.mode === 'existing'}
          onChange={() => onChange({ ...choice, mode: 'existing' })}
          data-testid={`${id}-map-existing`}
        />
        <Radio
          id={`${id}-map-new`}
          name={`${id}-map-mode`}
          label={t('Use a new map')}
          isChecked={choice.mode === 'new'}
          onChange={() => onChange({ ...choice, mode: 'new' })}
          data-testid={`${id}-map-new`}
        />
      </FormGroup>
      {choice.mode === 'existing' ? (
        <FormGroup label={t('Existing map')} isRequired fieldId={`${id}-map-select`}>
          <FormSelect
            id={`${id}-map-select`}
            value={choice.existing}
            onChange={(_event, existing) => onChange({ ...choice, existing })}
            data-testid={`${id}-map-select`}
          >
            <FormSelectOption value="" label={t('Select a map')} isPlaceholder />
            {step.existingMaps.map((map) => (
              <FormSelectOption
                key={map.metadata?.uid}
                value={map.metadata?.name ?? ''}
                label={map.metadata?.name ?? ''}
              />
            ))}
          </FormSelect>
          <FieldHelperText
            error={choice.existing ? undefined : errors.existing}
            helper={
              step.existingMaps.length === 0
                ? t('No map without an owner connects these providers in this project.')
                : t('The plan gets its own copy of the map.')
            }
            testId={`${id}-map-select`}
          />
        </FormGroup>
      ) : (
        <>
          {step.options.error && (
            <LoadErrorAlert title={t('Error loading the inventory')} error={step.options.error} />
          )}
          <RowsEditor
            rows={step.rows}
            onChange={step.setRows}
            options={step.options}
            problems={step.problems}
            showIncomplete
          />
          {errors.rows && (
            <Alert
              variant="danger"
              isInline
              isPlain
              title={errors.rows}
              data-testid={`${id}-map-error`}
            />
          )}
          <FormTextField
            id={`${id}-map-name`}
            label={t('Map name')}
            value={choice.newName}
            onChange={(newName) => onChange({ ...choice, newName })}
            testId={`${id}-map-name`}
            error={errors.newName}
            helper={t('Optional: without one, a name is made from the plan name.')}
          />
        </>
      )}
    </Form>
  );
};
