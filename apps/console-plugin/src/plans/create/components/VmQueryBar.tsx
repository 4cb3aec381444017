import type { FC } from 'react';
import {
  FormHelperText,
  HelperText,
  HelperTextItem,
  TextInput,
  ToolbarItem,
} from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import type { VmQueryText } from '../utils/vm-query-text.ts';

type Props = { text: string; onChange: (text: string) => void; read: VmQueryText };

/**
 * The query bar: checked as typed with the same parser the server runs, so a syntax error shows at
 * once with a caret under where it is, and only valid queries are sent.
 */
export const VmQueryBar: FC<Props> = ({ text, onChange, read }) => {
  const { t } = useForkliftTranslation();
  return (
    <ToolbarItem style={{ flexGrow: 1 }}>
      <div style={{ width: '100%' }}>
        <TextInput
          aria-label={t('Query')}
          placeholder={t("where powerState = 'poweredOn' and memoryMB > 4096 and name like 'web%'")}
          value={text}
          onChange={(_event, value) => onChange(value)}
          validated={read.state === 'invalid' ? 'error' : 'default'}
          style={{ fontFamily: 'var(--pf-t--global--font--family--mono)' }}
          data-testid="vm-query"
        />
        <FormHelperText>
          <HelperText>
            {read.state === 'invalid' ? (
              <HelperTextItem variant="error" data-testid="vm-query-error">
                <pre style={{ margin: 0 }} aria-hidden>
                  {`${text}\n${' '.repeat(read.position)}^`}
                </pre>
                {read.message}
              </HelperTextItem>
            ) : (
              <HelperTextItem>
                {t(
                  'Filter by inventory fields: = != < > like ~= in [..], and/or/not, len(), any(), sum(), sizes such as 4Gi.',
                )}
              </HelperTextItem>
            )}
          </HelperText>
        </FormHelperText>
      </div>
    </ToolbarItem>
  );
};
