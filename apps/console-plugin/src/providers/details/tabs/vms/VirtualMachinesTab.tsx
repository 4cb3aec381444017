import type { FC } from 'react';
import type { Provider } from '@forklift-console/api';
import { OpenshiftVirtualMachines } from './OpenshiftVirtualMachines.tsx';
import { VsphereOvaVirtualMachines } from './VsphereOvaVirtualMachines.tsx';

/** The provider's VMs from its inventory, in the columns its type has. */
export const VirtualMachinesTab: FC<{ provider: Provider }> = ({ provider }) =>
  provider.spec?.type === 'openshift' ? (
    <OpenshiftVirtualMachines provider={provider} />
  ) : (
    <VsphereOvaVirtualMachines provider={provider} />
  );
