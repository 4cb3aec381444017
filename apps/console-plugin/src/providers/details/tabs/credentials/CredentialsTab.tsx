import { useState, type FC } from 'react';
import {
  Alert,
  Button,
  CodeBlock,
  CodeBlockCode,
  DescriptionList,
  Flex,
  FlexItem,
  Label,
  Spinner,
  Stack,
  StackItem,
  Title,
} from '@patternfly/react-core';
import EyeIcon from '@patternfly/react-icons/dist/esm/icons/eye-icon';
import EyeSlashIcon from '@patternfly/react-icons/dist/esm/icons/eye-slash-icon';
import PencilAltIcon from '@patternfly/react-icons/dist/esm/icons/pencil-alt-icon';
import type { Provider } from '@forklift-console/api';
import { StatusCell } from '../../../../components/StatusCell.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { summarizeStatus } from '../../../../utils/resource-status.ts';
import { DetailItem } from '../../components/DetailItem.tsx';
import { useMaskedCredentials, useRevealedCredentials } from '../../hooks/useCredentials.ts';
import { criticalCondition } from '../../utils/provider-conditions.ts';
import { CA_CERT_KEY } from '../../utils/credentials-form.ts';
import { EditCredentialsModal } from './EditCredentialsModal.tsx';
import { useCredentialLabel } from './useCredentialLabel.ts';

const MASK = '••••••••';

/**
 * The provider's Secret, masked until the user reveals it, and the provider's live status: after
 * an edit, Forklift tests the connection again and the status below follows.
 */
export const CredentialsTab: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const label = useCredentialLabel();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const [revealed, setRevealed] = useState(false);
  const [editing, setEditing] = useState(false);
  const [savedAt, setSavedAt] = useState<string>();
  const masked = useMaskedCredentials(namespace, name);
  const values = useRevealedCredentials(namespace, name, revealed);
  const critical = criticalCondition(provider.status?.conditions);

  if (masked.isPending) return <Spinner aria-label={t('Loading')} />;
  if (masked.error) {
    return (
      <Alert
        variant="warning"
        isInline
        title={t('No credentials to show')}
        data-testid="credentials-error"
      >
        {masked.error.message}
      </Alert>
    );
  }

  const shownValue = (key: string, set: boolean) => {
    if (!set) {
      return (
        <Label color="grey" isCompact>
          {t('Not set')}
        </Label>
      );
    }
    if (!revealed) return MASK;
    if (values.isPending) return <Spinner size="sm" aria-label={t('Loading')} />;
    const value = values.data?.data[key] ?? '';
    return key === CA_CERT_KEY ? (
      <CodeBlock>
        <CodeBlockCode>{value}</CodeBlockCode>
      </CodeBlock>
    ) : (
      value
    );
  };

  return (
    <Stack hasGutter>
      <StackItem>
        <Flex
          justifyContent={{ default: 'justifyContentSpaceBetween' }}
          alignItems={{ default: 'alignItemsCenter' }}
        >
          <FlexItem>
            <Title headingLevel="h2">{t('Credentials')}</Title>
          </FlexItem>
          <FlexItem>
            <Button
              variant="link"
              icon={revealed ? <EyeSlashIcon /> : <EyeIcon />}
              onClick={() => setRevealed(!revealed)}
              data-testid="credentials-reveal"
            >
              {revealed ? t('Hide values') : t('Reveal values')}
            </Button>
            <Button
              variant="secondary"
              icon={<PencilAltIcon />}
              onClick={() => setEditing(true)}
              data-testid="credentials-edit"
            >
              {t('Edit')}
            </Button>
          </FlexItem>
        </Flex>
      </StackItem>
      {values.error && (
        <StackItem>
          <Alert variant="danger" isInline title={t('Could not reveal the values')}>
            {values.error.message}
          </Alert>
        </StackItem>
      )}
      <StackItem>
        <DescriptionList isHorizontal>
          <DetailItem term={t('Secret')} testId="credentials-secret">
            {masked.data.secretName}
          </DetailItem>
          {masked.data.keys.map(({ key, set }) => (
            <DetailItem key={key} term={label(key)} testId={`credential-${key}`}>
              {shownValue(key, set)}
            </DetailItem>
          ))}
        </DescriptionList>
      </StackItem>
      <StackItem>
        <Title headingLevel="h2" className="pf-v6-u-mb-md">
          {t('Connection')}
        </Title>
        {savedAt && (
          <Alert
            variant="info"
            isInline
            title={t('Credentials saved at {{time}}', { time: savedAt })}
            className="pf-v6-u-mb-md"
            data-testid="credentials-saved"
          >
            {t('The provider tests the connection with them again; its status below follows.')}
          </Alert>
        )}
        <Flex alignItems={{ default: 'alignItemsCenter' }} data-testid="credentials-status">
          <FlexItem>
            <StatusCell status={summarizeStatus(provider)} />
          </FlexItem>
          {critical && <FlexItem>{critical.message ?? critical.type}</FlexItem>}
        </Flex>
      </StackItem>
      {editing && (
        <EditCredentialsModal
          provider={provider}
          onClose={() => setEditing(false)}
          onSaved={() => setSavedAt(new Date().toLocaleTimeString())}
        />
      )}
    </Stack>
  );
};
