import { useState, type FC } from 'react';
import {
  Button,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
} from '@patternfly/react-core';
import type { Provider } from '@forklift-console/api';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSaveProvider } from '../../hooks/useProviderMutations.ts';
import {
  PROVIDER_UI_ANNOTATION,
  defaultExternalUiLink,
  isValidExternalUiLink,
} from '../../utils/external-ui.ts';

/** Sets the link in the provider's annotation, or removes it to use the one derived from its URL. */
export const ExternalUiLinkModal: FC<{ provider: Provider; onClose: () => void }> = ({
  provider,
  onClose,
}) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '', annotations } = provider.metadata ?? {};
  const stored = annotations?.[PROVIDER_UI_ANNOTATION];
  const fallback = defaultExternalUiLink(provider.spec?.type, provider.spec?.url);
  const [link, setLink] = useState(stored ?? fallback ?? '');
  const save = useSaveProvider(namespace, name);
  const isValid = isValidExternalUiLink(link);
  const saveLink = (value: string | null) =>
    save.mutate(
      { kind: 'patch', patch: { metadata: { annotations: { [PROVIDER_UI_ANNOTATION]: value } } } },
      { onSuccess: onClose },
    );

  return (
    <MutationModal
      testId="external-ui-modal"
      onClose={onClose}
      title={t('Edit the external web UI link')}
      description={t("The link to the provider's own web console, shown on its details page.")}
      mutation={save}
      errorTitle={t('The link was not saved')}
      errorTestId="external-ui-error"
      actionLabel={t('Save')}
      actionTestId="external-ui-save"
      onAction={() => saveLink(link.trim())}
      isActionDisabled={!isValid || link.trim() === stored}
      secondaryActions={
        stored !== undefined && (
          <Button
            variant="secondary"
            onClick={() => saveLink(null)}
            isDisabled={save.isPending}
            data-testid="external-ui-reset"
          >
            {t('Use the default link')}
          </Button>
        )
      }
    >
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t('External web UI link')} fieldId="external-ui-link" isRequired>
          <TextInput
            id="external-ui-link"
            value={link}
            onChange={(_event, value) => setLink(value)}
            validated={link && !isValid ? 'error' : 'default'}
            data-testid="external-ui-input"
          />
          <FormHelperText>
            <HelperText>
              {link && !isValid ? (
                <HelperTextItem variant="error">
                  {t('Enter an absolute URL that starts with https:// or http://')}
                </HelperTextItem>
              ) : (
                <HelperTextItem>
                  {fallback
                    ? t('Without a link of your own: {{link}}', { link: fallback })
                    : t('This provider type has no default link.')}
                </HelperTextItem>
              )}
            </HelperText>
          </FormHelperText>
        </FormGroup>
      </Form>
    </MutationModal>
  );
};
