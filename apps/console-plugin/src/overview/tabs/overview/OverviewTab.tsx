import type { FC } from 'react';
import { Button, Flex, Grid, GridItem, Stack, StackItem } from '@patternfly/react-core';
import { useForkliftTranslation } from '../../../utils/i18n.ts';
import { useWelcomeCardHidden } from '../../hooks/useWelcomeCardHidden.ts';
import { MigrationHistoryCard } from './MigrationHistoryCard.tsx';
import { PlanStatusCard } from './PlanStatusCard.tsx';
import { VmMigrationsCard } from './VmMigrationsCard.tsx';
import { WelcomeCard } from './WelcomeCard.tsx';
import { HealthCard } from './HealthCard.tsx';

export const OverviewTab: FC = () => {
  const { t } = useForkliftTranslation();
  const [welcomeHidden, setWelcomeHidden] = useWelcomeCardHidden();
  return (
    <Stack hasGutter>
      <StackItem>
        {welcomeHidden ? (
          <Flex justifyContent={{ default: 'justifyContentFlexEnd' }}>
            <Button
              variant="link"
              isInline
              size="sm"
              onClick={() => setWelcomeHidden(false)}
              data-testid="show-welcome-card"
            >
              {t('Show the welcome card')}
            </Button>
          </Flex>
        ) : (
          <WelcomeCard onHide={() => setWelcomeHidden(true)} />
        )}
      </StackItem>
      <StackItem>
        <Grid hasGutter>
          <GridItem lg={6}>
            <VmMigrationsCard />
          </GridItem>
          <GridItem lg={6}>
            <PlanStatusCard />
          </GridItem>
          <GridItem>
            <MigrationHistoryCard />
          </GridItem>
          <GridItem>
            <HealthCard />
          </GridItem>
        </Grid>
      </StackItem>
    </Stack>
  );
};
