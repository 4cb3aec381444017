import { useState, type FC } from 'react';
import {
  Content,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  MenuToggle,
  Select,
  SelectList,
  SelectOption,
  TextInput,
} from '@patternfly/react-core';
import { CREDENTIAL_MESSAGES, hasSpaces, type Provider } from '@forklift-console/api';
import { MutationModal } from '../../../../components/MutationModal.tsx';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useSaveHostNetworks } from '../../hooks/useSaveHostNetworks.ts';
import { hostChoices, sharedNetworks, type InventoryHost } from '../../utils/host-network.ts';

type Props = {
  provider: Provider;
  hosts: readonly InventoryHost[];
  onClose: () => void;
  onSaved: () => void;
};

const credentialError = (value: string): 'required' | 'spaces' | undefined =>
  !value ? 'required' : hasSpaces(value) ? 'spaces' : undefined;

/**
 * Picks the network the selected hosts transfer disks over. With a vCenter, Forklift logs in to
 * each ESXi host directly, so it needs the hosts' administrator account too.
 */
export const MigrationNetworkModal: FC<Props> = ({ provider, hosts, onClose, onSaved }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const isVcenter = provider.spec?.settings?.sdkEndpoint !== 'esxi';
  const networks = sharedNetworks(hosts);
  const [networkKey, setNetworkKey] = useState<string>();
  const [isSelectOpen, setIsSelectOpen] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const save = useSaveHostNetworks(namespace, name);
  const network = networks.find((candidate) => candidate.key === networkKey);
  const errors = isVcenter
    ? { username: credentialError(username), password: credentialError(password) }
    : {};
  const canSave = Boolean(network) && !errors.username && !errors.password;
  const errorText = {
    required: t('This field is required'),
    spaces: t(CREDENTIAL_MESSAGES.spaces),
  };
  const networkLabel = (candidate: { name: string; cidr: string }) =>
    `${candidate.name} - ${candidate.cidr}`;

  const onSave = () => {
    if (!network) return;
    save.mutate(
      {
        hosts: hostChoices(hosts, network),
        ...(isVcenter ? { username, password } : {}),
      },
      {
        onSuccess: () => {
          onSaved();
          onClose();
        },
      },
    );
  };

  return (
    <MutationModal
      testId="migration-network-modal"
      onClose={onClose}
      title={t('Select migration network')}
      mutation={save}
      errorTitle={t('The migration network was not saved')}
      errorTestId="migration-network-error"
      actionLabel={t('Save')}
      actionTestId="migration-network-save"
      onAction={onSave}
      isActionDisabled={!canSave}
    >
      <Content component="p" data-testid="migration-network-count">
        {hosts.length === 1
          ? t('1 host selected')
          : t('{{number}} hosts selected', { number: hosts.length })}
      </Content>
      <Form onSubmit={(event) => event.preventDefault()}>
        <FormGroup label={t('Network')} fieldId="migration-network" isRequired>
          <Select
            id="migration-network"
            isOpen={isSelectOpen}
            selected={networkKey}
            onOpenChange={setIsSelectOpen}
            onSelect={(_event, value) => {
              setNetworkKey(value as string);
              setIsSelectOpen(false);
            }}
            shouldFocusToggleOnSelect
            toggle={(toggleRef) => (
              <MenuToggle
                ref={toggleRef}
                onClick={() => setIsSelectOpen(!isSelectOpen)}
                isExpanded={isSelectOpen}
                isDisabled={networks.length === 0}
                isFullWidth
                data-testid="migration-network-select"
              >
                {network ? networkLabel(network) : t('Select a network')}
              </MenuToggle>
            )}
          >
            <SelectList>
              {networks.map((candidate) => (
                <SelectOption
                  key={candidate.key}
                  value={candidate.key}
                  description={t('{{speed}} Mbps, MTU {{mtu}}', {
                    speed: candidate.linkSpeed,
                    mtu: candidate.mtu,
                  })}
                >
                  {networkLabel(candidate)}
                </SelectOption>
              ))}
            </SelectList>
          </Select>
          {networks.length === 0 && (
            <FormHelperText>
              <HelperText>
                <HelperTextItem variant="warning">
                  {t('The selected hosts share no network. Select hosts on a common network.')}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
        {isVcenter && (
          <>
            <FormGroup label={t('ESXi host admin username')} fieldId="esxi-username" isRequired>
              <TextInput
                id="esxi-username"
                value={username}
                onChange={(_event, value) => setUsername(value)}
                validated={username && errors.username ? 'error' : 'default'}
                autoComplete="off"
                data-testid="esxi-username-input"
              />
              {username && errors.username && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant="error">{errorText[errors.username]}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FormGroup>
            <FormGroup label={t('ESXi host admin password')} fieldId="esxi-password" isRequired>
              <TextInput
                id="esxi-password"
                type="password"
                value={password}
                onChange={(_event, value) => setPassword(value)}
                validated={password && errors.password ? 'error' : 'default'}
                autoComplete="off"
                data-testid="esxi-password-input"
              />
              {password && errors.password && (
                <FormHelperText>
                  <HelperText>
                    <HelperTextItem variant="error">{errorText[errors.password]}</HelperTextItem>
                  </HelperText>
                </FormHelperText>
              )}
            </FormGroup>
          </>
        )}
      </Form>
    </MutationModal>
  );
};
