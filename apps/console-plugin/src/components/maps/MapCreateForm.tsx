import type { FC, ReactNode } from 'react';
import {
  ActionGroup,
  Alert,
  AlertActionCloseButton,
  Button,
  Content,
  Form,
  FormSection,
  PageSection,
  Tooltip,
} from '@patternfly/react-core';
import { useLocation, useNavigate } from 'react-router';
import type { K8sModel } from '@forklift-console/api';
import { useConsoleHost } from '../../host/ConsoleHost.ts';
import type { useMapCreateForm } from '../../hooks/useMapCreateForm.ts';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { resourceListPath } from '../../utils/resource-paths.ts';
import { PageTitle } from '../PageTitle.tsx';
import { MapGeneralFields } from './MapGeneralFields.tsx';

type Props = {
  model: K8sModel;
  title: string;
  description: string;
  nameLabel: string;
  errorTitle: string;
  rowsTitle: string;
  form: ReturnType<typeof useMapCreateForm>;
  /** The feature's rows editor. */
  rows: ReactNode;
  /** Replaces the rows with suggestions; undefined while it cannot run. */
  onSuggest: (() => void) | undefined;
  /** Why Suggest mappings is off, when it is. */
  suggestDisabledReason?: string;
  inventoryError: Error | null;
  onSubmit: () => void;
  tipsButton: ReactNode;
};

/** The page around a map form: general fields, rows with Suggest mappings, Create and Cancel. */
export const MapCreateForm: FC<Props> = ({
  model,
  title,
  description,
  nameLabel,
  errorTitle,
  rowsTitle,
  form,
  rows,
  onSuggest,
  suggestDisabledReason,
  inventoryError,
  onSubmit,
  tipsButton,
}) => {
  const { t } = useForkliftTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { activeNamespace } = useConsoleHost();
  const { general, changeGeneral, generalErrors, providers, create } = form;
  // Opened from a link in a new tab there is nothing to go back to: go to the list instead.
  const cancel = () =>
    location.key === 'default' ? navigate(resourceListPath(model, activeNamespace)) : navigate(-1);
  const suggestButton = (
    <Button
      variant="secondary"
      onClick={onSuggest}
      isAriaDisabled={!onSuggest}
      data-testid="suggest-mappings"
    >
      {t('Suggest mappings')}
    </Button>
  );

  return (
    <>
      <PageTitle title={title} actions={tipsButton} />
      <PageSection>
        <Content component="p" className="pf-v6-u-mb-lg">
          {description}
        </Content>
        <Form
          onSubmit={(event) => {
            event.preventDefault();
            onSubmit();
          }}
        >
          <FormSection>
            <MapGeneralFields
              nameLabel={nameLabel}
              general={general}
              onChange={changeGeneral}
              errors={generalErrors}
              sources={providers.sources}
              targets={providers.targets}
            />
          </FormSection>
          <FormSection title={rowsTitle} titleElement="h2">
            {/* Its own block, so the form's layout does not stretch the button. */}
            <div>
              {suggestDisabledReason ? (
                <Tooltip content={suggestDisabledReason}>{suggestButton}</Tooltip>
              ) : (
                suggestButton
              )}
            </div>
            {inventoryError && (
              <Alert
                variant="warning"
                isInline
                title={t('The inventory could not be read')}
                data-testid="map-inventory-error"
              >
                {inventoryError.message}
              </Alert>
            )}
            {rows}
          </FormSection>
          {create.error && (
            <Alert
              variant="danger"
              isInline
              title={errorTitle}
              actionClose={<AlertActionCloseButton onClose={() => create.reset()} />}
              data-testid="map-create-error"
            >
              {create.error.message}
            </Alert>
          )}
          <ActionGroup>
            <Button
              type="submit"
              variant="primary"
              isLoading={create.isPending}
              isDisabled={create.isPending}
              data-testid="map-create-submit"
            >
              {t('Create')}
            </Button>
            <Button variant="link" onClick={cancel} data-testid="map-create-cancel">
              {t('Cancel')}
            </Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
};
