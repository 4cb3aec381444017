import { useState, type FC } from 'react';
import {
  Card,
  CardBody,
  CardHeader,
  CardTitle,
  Content,
  Dropdown,
  DropdownItem,
  DropdownList,
  Gallery,
  MenuToggle,
} from '@patternfly/react-core';
import EllipsisVIcon from '@patternfly/react-icons/dist/esm/icons/ellipsis-v-icon';
import { Link } from 'react-router';
import { ProviderModel } from '@forklift-console/api';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';

// Product names, which stay as they are in every language.
const PROVIDER_TYPES = [
  { type: 'vsphere', name: 'VMware' },
  { type: 'ova', name: 'Open Virtual Appliance' },
  { type: 'openstack', name: 'OpenStack' },
  { type: 'ovirt', name: 'oVirt' },
  { type: 'openshift', name: 'KubeVirt' },
] as const;

type WelcomeCardProps = { onHide: () => void };

export const WelcomeCard: FC<WelcomeCardProps> = ({ onHide }) => {
  const { t } = useForkliftTranslation();
  const { activeNamespace } = useConsoleHost();
  const [isMenuOpen, setMenuOpen] = useState(false);
  // A tile opens the Providers list filtered to that type, where "Create provider" starts with it.
  const providersPath = resourceListPath(ProviderModel, activeNamespace);

  return (
    <Card data-testid="welcome-card">
      <CardHeader
        actions={{
          actions: (
            <Dropdown
              isOpen={isMenuOpen}
              onOpenChange={setMenuOpen}
              popperProps={{ position: 'right' }}
              toggle={(toggleRef) => (
                <MenuToggle
                  ref={toggleRef}
                  variant="plain"
                  isExpanded={isMenuOpen}
                  onClick={() => setMenuOpen(!isMenuOpen)}
                  aria-label={t('Welcome card actions')}
                  icon={<EllipsisVIcon />}
                  data-testid="welcome-card-kebab"
                />
              )}
            >
              <DropdownList>
                <DropdownItem
                  onClick={() => {
                    setMenuOpen(false);
                    onHide();
                  }}
                  data-testid="hide-welcome-card"
                >
                  {t('Hide the welcome card')}
                </DropdownItem>
              </DropdownList>
            </Dropdown>
          ),
        }}
      >
        <CardTitle component="h2">{t('Welcome')}</CardTitle>
      </CardHeader>
      <CardBody>
        <Content component="p">
          {t(
            'Migration for Virtualization moves virtual machines at scale to OpenShift Virtualization, where they run next to your containers.',
          )}
        </Content>
        <Content component="p">{t('You can migrate virtual machines from:')}</Content>
        <Gallery hasGutter minWidths={{ default: '10rem' }}>
          {PROVIDER_TYPES.map(({ type, name }) => (
            <Card key={type} isCompact>
              <CardBody>
                <Link
                  to={`${providersPath}?providerType=${type}`}
                  data-testid={`welcome-tile-${type}`}
                >
                  {name}
                </Link>
              </CardBody>
            </Card>
          ))}
        </Gallery>
      </CardBody>
    </Card>
  );
};
