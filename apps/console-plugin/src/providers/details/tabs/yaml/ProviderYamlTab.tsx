import { useEffect, useState, type FC } from 'react';
import {
  Alert,
  Button,
  TextArea,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import yaml from 'js-yaml';
import type { Provider } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSaveProvider } from '../../hooks/useProviderMutations.ts';

const toYaml = (provider: Provider) => yaml.dump(provider, { noRefs: true });

/**
 * The Provider as YAML. Save sends it whole with the resourceVersion it was read at, so an edit
 * of an older version is refused (409) rather than overwriting newer changes.
 */
export const ProviderYamlTab: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const save = useSaveProvider(namespace, name);
  const [text, setText] = useState<string>();
  const [parseError, setParseError] = useState<string>();
  const [saved, setSaved] = useState(false);
  // Until the user types, the editor follows the stored object (pushed changes included).
  const isDirty = text !== undefined;
  const shown = text ?? toYaml(provider);

  useEffect(() => setSaved(false), [text]);

  const onSave = () => {
    let parsed: unknown;
    try {
      parsed = yaml.load(shown);
    } catch (failure) {
      setParseError((failure as Error).message);
      return;
    }
    setParseError(undefined);
    save.mutate(
      { kind: 'replace', provider: parsed as Provider },
      {
        onSuccess: () => {
          setText(undefined);
          setSaved(true);
        },
      },
    );
  };

  return (
    <>
      <TextArea
        value={shown}
        onChange={(_event, value) => setText(value)}
        aria-label={t('Provider YAML')}
        rows={28}
        resizeOrientation="vertical"
        spellCheck={false}
        style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
        data-testid="yaml-editor"
      />
      {parseError && (
        <Alert
          variant="danger"
          isInline
          title={t('This is not valid YAML')}
          className="pf-v6-u-mt-md"
        >
          {parseError}
        </Alert>
      )}
      {save.error && (
        <Alert
          variant="danger"
          isInline
          title={t('The API server refused the change')}
          className="pf-v6-u-mt-md"
          data-testid="yaml-save-error"
        >
          {save.error.message}
        </Alert>
      )}
      {saved && (
        <Alert
          variant="success"
          isInline
          title={t('Saved')}
          className="pf-v6-u-mt-md"
          data-testid="yaml-saved"
        />
      )}
      <Toolbar>
        <ToolbarContent>
          <ToolbarItem>
            <Button
              onClick={onSave}
              isDisabled={!isDirty || save.isPending}
              data-testid="yaml-save"
            >
              {t('Save')}
            </Button>
          </ToolbarItem>
          <ToolbarItem>
            <Button
              variant="secondary"
              onClick={() => {
                setText(undefined);
                setParseError(undefined);
                save.reset();
              }}
              isDisabled={!isDirty}
            >
              {t('Reload')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
    </>
  );
};
