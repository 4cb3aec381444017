import { useEffect, useState, type FC } from 'react';
import {
  Alert,
  Button,
  Spinner,
  TextArea,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import yaml from 'js-yaml';
import type { ForkliftController } from '@forklift-console/api';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useForkliftController } from '../../hooks/useForkliftController.ts';
import { useSaveForkliftController } from '../../hooks/useSaveForkliftController.ts';

const toYaml = (controller: ForkliftController) => yaml.dump(controller, { noRefs: true });

/** The ForkliftController as YAML; Save sends it whole and shows the API server's verdict. */
export const ForkliftControllerYamlTab: FC = () => {
  const { t } = useForkliftTranslation();
  const { data: controller, error, isPending } = useForkliftController();
  const save = useSaveForkliftController();
  const [text, setText] = useState<string>();
  const [parseError, setParseError] = useState<string>();
  const [saved, setSaved] = useState(false);
  // Until the user types, the editor follows the stored object (pushed changes included).
  const isDirty = text !== undefined;
  const shown = text ?? (controller ? toYaml(controller) : '');

  useEffect(() => setSaved(false), [text]);

  if (isPending) return <Spinner aria-label={t('Loading')} />;
  if (error) {
    return (
      <Alert variant="danger" isInline title={t('Could not load the ForkliftController')}>
        {error.message}
      </Alert>
    );
  }

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
      { kind: 'yaml', controller: parsed as ForkliftController },
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
        aria-label={t('ForkliftController YAML')}
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
