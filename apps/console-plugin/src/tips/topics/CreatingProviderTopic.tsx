import { useState, type FC } from 'react';
import { Content, FormGroup, FormSelect, FormSelectOption, Stack } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { TipList } from '../TipList.tsx';
import { TipSection } from '../TipSection.tsx';
import { TipTerms } from '../TipTerms.tsx';

type ProviderType = 'vsphere' | 'openstack' | 'ovirt' | 'ova' | 'openshift';

export const CreatingProviderTopic: FC = () => {
  const { t } = useForkliftTranslation();
  const [providerType, setProviderType] = useState<ProviderType>('vsphere');

  const typeNames: Record<ProviderType, string> = {
    vsphere: t('VMware vSphere'),
    openstack: t('OpenStack'),
    ovirt: t('Red Hat Virtualization (oVirt)'),
    ova: t('Open Virtual Appliance (OVA)'),
    openshift: t('OpenShift Virtualization'),
  };

  const typeSteps: Record<ProviderType, string[]> = {
    vsphere: [
      t('Choose whether the endpoint is a vCenter Server or a single ESXi host.'),
      t('Enter the SDK URL of the endpoint, for example https://vcenter.example.com/sdk.'),
      t(
        'Set up VDDK: upload a VDDK archive so that an image is built for you, or enter the URL of a VDDK image you built. Skipping VDDK works, but disk transfers are much slower.',
      ),
      t(
        'Enter the user name and password of an account that can read the inventory and create snapshots, for example administrator@vsphere.local.',
      ),
      t(
        'Provide the CA certificate of the endpoint, or fetch it from the URL and confirm its fingerprint.',
      ),
    ],
    openstack: [
      t('Enter the URL of the Identity (Keystone) service, which usually ends with /v3.'),
      t(
        'Choose the authentication type: password, token with user ID, token with user name, application credential ID or application credential name.',
      ),
      t('Fill in the fields of that authentication type, such as the region, project and domain.'),
      t(
        'Provide the CA certificate of the endpoint, or fetch it from the URL and confirm its fingerprint.',
      ),
    ],
    ovirt: [
      t(
        'Enter the API URL of the Manager, which ends with /ovirt-engine/api, for example https://manager.example.com/ovirt-engine/api.',
      ),
      t('Enter the user name and password, for example admin@internal.'),
      t(
        'Provide the CA certificate of the Manager, or fetch it from the URL and confirm its fingerprint.',
      ),
    ],
    ova: [
      t(
        'Enter the NFS share that holds the OVA files, as host:/path, for example 10.10.0.10:/ova.',
      ),
      t(
        'Optionally enable appliance management, so that OVA files can be uploaded to the share from the console.',
      ),
      t(
        'No credentials are needed: the inventory reads the share and lists one virtual machine per OVA file.',
      ),
    ],
    openshift: [
      t(
        'Leave the URL empty to use the cluster this console runs on. A provider for it usually exists already and is the usual migration target.',
      ),
      t(
        'For another cluster, enter its API URL and the bearer token of a service account that may read and create virtual machines there.',
      ),
      t(
        'Provide the CA certificate of the remote API server, or fetch it from the URL and confirm its fingerprint.',
      ),
    ],
  };

  return (
    <Stack hasGutter>
      <Content component="p">
        {t(
          'A provider connects the migration service to a platform: a source you migrate virtual machines from, or the OpenShift cluster you migrate them to. Once the provider is ready, the inventory lists its virtual machines, networks and storage.',
        )}
      </Content>
      <FormGroup label={t('Provider type')} fieldId="tips-provider-type">
        <FormSelect
          id="tips-provider-type"
          value={providerType}
          onChange={(_event, value) => setProviderType(value as ProviderType)}
          data-testid="tips-provider-type-select"
        >
          {(Object.keys(typeNames) as ProviderType[]).map((type) => (
            <FormSelectOption key={type} value={type} label={typeNames[type]} />
          ))}
        </FormSelect>
      </FormGroup>
      <TipSection title={t('Steps')} isInitiallyExpanded>
        <TipList
          isOrdered
          items={[
            t('On the Providers page, click Create provider.'),
            t(
              'Choose the project of the provider. Plans can only use providers of their own project.',
            ),
            t('Choose the provider type {{type}}.', { type: typeNames[providerType] }),
            t(
              'Enter a name: lowercase letters, digits and hyphens, unique among the providers of the project.',
            ),
            ...typeSteps[providerType],
            t('Click Create provider, then wait until its status is Ready.'),
          ]}
        />
      </TipSection>
      <TipSection title={t('Key terms')}>
        <TipTerms
          terms={[
            {
              term: t('Inventory'),
              definition: t(
                'What the migration service knows about a provider: its virtual machines, hosts, networks and storage, refreshed as the platform changes.',
              ),
            },
            {
              term: t('Certificate validation'),
              definition: t(
                'Checking that the endpoint presents a certificate signed by the CA you provided, so that credentials are sent only to the real platform.',
              ),
            },
            {
              term: t('VDDK'),
              definition: t(
                'The VMware Virtual Disk Development Kit, a library that reads vSphere disks efficiently. VMware does not allow redistributing it, so you build the image yourself.',
              ),
            },
            {
              term: t('Host provider'),
              definition: t(
                'The OpenShift provider without a URL, which stands for the cluster the console runs on.',
              ),
            },
          ]}
        />
      </TipSection>
      <TipSection title={t('Considerations')}>
        <TipList
          items={[
            t(
              'The credentials are stored in a Secret in the project of the provider, and are deleted with the provider.',
            ),
            t(
              'Skipping certificate validation exposes the credentials to anyone who can intercept the connection. Use it only for tests.',
            ),
            t(
              'A provider that cannot connect shows the reason on its details page; fix the URL, credentials or certificate there.',
            ),
            t('Only OVA files exported from VMware vSphere are supported.'),
          ]}
        />
      </TipSection>
    </Stack>
  );
};
