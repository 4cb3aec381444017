import type { FC } from 'react';
import { Button, Flex, FlexItem, List, ListItem, Popover } from '@patternfly/react-core';
import { Link } from 'react-router';
import { VM_MIGRATION_STATES, type VmStateCounts } from '@forklift-console/api';
import { useForkliftTranslation } from '../../utils/i18n.ts';
import { planVmsPath } from '../utils/plan-paths.ts';
import { vmStateHeading, vmStateLinkText } from '../utils/vm-state-labels.ts';
import { VmStateIcon } from './VmStateIcon.tsx';

// A popover names this many VMs; the Virtual machines tab has them all.
const NAMED_VMS = 10;

type Props = { namespace: string; name: string; vmStates: VmStateCounts };

/**
 * A count per VM state with its icon; each opens a popover naming the VMs, with a link to the
 * Virtual machines tab showing only those ("View failed VMs").
 */
export const VmStateIcons: FC<Props> = ({ namespace, name, vmStates }) => {
  const { t } = useForkliftTranslation();
  const shown = VM_MIGRATION_STATES.filter((state) => vmStates[state].length > 0);
  if (shown.length === 0) return null;
  return (
    <Flex spaceItems={{ default: 'spaceItemsSm' }} data-testid="plan-vm-states">
      {shown.map((state) => {
        const names = vmStates[state];
        return (
          <FlexItem key={state}>
            <Popover
              headerContent={vmStateHeading(state, names.length, t)}
              bodyContent={
                <List isPlain>
                  {names.slice(0, NAMED_VMS).map((vm) => (
                    <ListItem key={vm}>{vm}</ListItem>
                  ))}
                  {names.length > NAMED_VMS && (
                    <ListItem>
                      {t('and {{count}} more', { count: names.length - NAMED_VMS })}
                    </ListItem>
                  )}
                </List>
              }
              footerContent={
                <Link
                  to={planVmsPath(namespace, name, state)}
                  data-testid={`plan-vm-state-link-${state}`}
                >
                  {vmStateLinkText(state, t)}
                </Link>
              }
            >
              <Button
                variant="plain"
                isInline
                aria-label={vmStateHeading(state, names.length, t)}
                data-testid={`plan-vm-state-${state}`}
                icon={<VmStateIcon state={state} />}
              >
                {names.length}
              </Button>
            </Popover>
          </FlexItem>
        );
      })}
    </Flex>
  );
};
