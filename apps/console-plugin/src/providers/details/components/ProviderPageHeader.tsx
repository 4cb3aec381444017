import type { FC } from 'react';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Flex,
  FlexItem,
  PageSection,
  Title,
} from '@patternfly/react-core';
import { Link } from 'react-router';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { TipsButton } from '../../../tips/TipsButton.tsx';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { resourceListPath } from '../../../utils/resource-paths.ts';
import { ProviderStatus } from '../../components/ProviderStatus.tsx';
import { providerPhase } from '../../utils/provider-status.ts';
import { criticalCondition } from '../utils/provider-conditions.ts';
import { ProviderActions } from './ProviderActions.tsx';

/** Breadcrumb, name, live status, actions, and why the provider is not ready when it is not. */
export const ProviderPageHeader: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const critical = criticalCondition(provider.status?.conditions);

  return (
    <PageSection>
      <Breadcrumb className="pf-v6-u-mb-md">
        <BreadcrumbItem>
          <Link to={resourceListPath(ProviderModel, namespace)}>{t('Providers')}</Link>
        </BreadcrumbItem>
        <BreadcrumbItem isActive>{name}</BreadcrumbItem>
      </Breadcrumb>
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
        flexWrap={{ default: 'nowrap' }}
      >
        <Flex alignItems={{ default: 'alignItemsCenter' }}>
          <FlexItem>
            <Title headingLevel="h1" data-testid="page-title">
              {name}
            </Title>
          </FlexItem>
          <FlexItem data-testid="provider-status">
            <ProviderStatus phase={providerPhase(provider)} failureMessage={undefined} />
          </FlexItem>
        </Flex>
        <Flex flexWrap={{ default: 'nowrap' }}>
          <FlexItem>
            <ProviderActions provider={provider} />
          </FlexItem>
          <FlexItem>
            <TipsButton />
          </FlexItem>
        </Flex>
      </Flex>
      {critical && (
        <Alert
          variant="danger"
          isInline
          title={t('The provider is not ready')}
          className="pf-v6-u-mt-md"
          data-testid="provider-not-ready"
        >
          {critical.message ?? critical.type}
        </Alert>
      )}
    </PageSection>
  );
};
