import { useState, type FC } from 'react';
import {
  Alert,
  Button,
  TextArea,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import yaml from 'js-yaml';
import { useForkliftTranslation } from '../utils/i18n.ts';

/** The part of a TanStack mutation the editor shows: its last failure and whether it runs. */
type SaveState = { error: Error | null; isPending: boolean; reset: () => void };

type Props = {
  /** The stored object; shown until the user types, so pushed changes stay visible. */
  object: unknown;
  ariaLabel: string;
  save: SaveState;
  /** Sends the parsed YAML; calls onSaved once the API server has stored it. */
  onSave: (parsed: unknown, onSaved: () => void) => void;
  /** The save button's label; "Save" by default. */
  saveLabel?: string;
  /** A template for a new object: it can be sent as it stands, without an edit first. */
  isNew?: boolean;
};

const toYaml = (object: unknown) => yaml.dump(object, { noRefs: true });

/** A resource as YAML with Save and Reload; the API server's verdict is shown inline. */
export const YamlEditor: FC<Props> = ({
  object,
  ariaLabel,
  save,
  onSave,
  saveLabel,
  isNew = false,
}) => {
  const { t } = useForkliftTranslation();
  const [text, setText] = useState<string>();
  const [parseError, setParseError] = useState<string>();
  const [saved, setSaved] = useState(false);
  // Until the user types, the editor follows the stored object (pushed changes included).
  const isDirty = text !== undefined;
  const shown = text ?? toYaml(object);

  const onSaveClick = () => {
    let parsed: unknown;
    try {
      parsed = yaml.load(shown);
    } catch (failure) {
      setParseError((failure as Error).message);
      return;
    }
    setParseError(undefined);
    onSave(parsed, () => {
      setText(undefined);
      setSaved(true);
    });
  };

  return (
    <>
      <TextArea
        value={shown}
        onChange={(_event, value) => {
          // Typing again makes "Saved" stale; the save itself also clears the text, so this is
          // not an effect on `text` (which would hide "Saved" as soon as it appears).
          setText(value);
          setSaved(false);
        }}
        aria-label={ariaLabel}
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
              onClick={onSaveClick}
              isDisabled={(!isDirty && !isNew) || save.isPending}
              data-testid="yaml-save"
            >
              {saveLabel ?? t('Save')}
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
