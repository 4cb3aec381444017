// A vSphere VM's power, asked of and driven through vCenter (vim25 SOAP): one session per adapter,
// opened on first use with the provider's credentials and trust, opened again when vCenter has
// dropped it (NotAuthenticated: it expired, or vCenter restarted), logged out on close.
import {
  createSoapClient,
  moRefXml,
  readProperties,
  runTask,
  VsphereFault,
  type ManagedObjectReference,
  type SoapClient,
} from '@forklift-console/vsphere';
import type { Logger } from '../../../logging.ts';
import { describeFailure } from '../../providers/connection-test.ts';
import type { VsphereConnection } from '../../providers/vsphere-connection.ts';
import type { PowerState, SourceVm } from '../source-vm.ts';
import type { SourcePower } from './source-adapter.ts';
import { vspherePowerState } from './vsphere-vm.ts';

const vmRef = (vm: SourceVm): ManagedObjectReference => ({ type: 'VirtualMachine', value: vm.id });

const label = (vm: SourceVm) => (vm.name && vm.name !== vm.id ? `${vm.name} (${vm.id})` : vm.id);

/** What went wrong, for a sentence about the VM; never a credential (vCenter does not echo them). */
const reason = (error: unknown, sdkUrl: string): string => {
  if (error instanceof VsphereFault) {
    if (['InvalidLogin', 'Connection', 'InvalidResponse'].includes(error.kind)) {
      const described = describeFailure(error, sdkUrl);
      if (!described.ok) return described.condition.message ?? error.message;
    }
    if (error.kind === 'ManagedObjectNotFound') return 'vCenter no longer has this VM';
    return error.message;
  }
  return (error as Error).message;
};

export const createVspherePower = (
  { sdkUrl, username, password, tls }: VsphereConnection,
  logger: Logger,
): SourcePower => {
  let session: Promise<SoapClient> | undefined;
  let closed = false;

  const open = (): Promise<SoapClient> => {
    if (closed) return Promise.reject(new Error('the vCenter session was closed'));
    session ??= (async () => {
      const client = createSoapClient(sdkUrl, tls);
      try {
        await client.login(username, password);
        return client;
      } catch (error) {
        session = undefined;
        await client.close();
        throw error;
      }
    })();
    return session;
  };

  /** Runs `work` in the session; once more in a new session when vCenter had dropped it. */
  const withSession = async <T>(work: (client: SoapClient) => Promise<T>): Promise<T> => {
    const current = open();
    const client = await current;
    try {
      return await work(client);
    } catch (error) {
      if (!(error instanceof VsphereFault) || error.kind !== 'NotAuthenticated') throw error;
      if (session === current) {
        session = undefined;
        logger.info({ sdkUrl }, 'vCenter dropped the session; logging in again');
        // Undici lets the requests still under way on the old client finish first.
        void client.close().catch(() => undefined);
      }
      return work(await open());
    }
  };

  const act = async <T>(
    vm: SourceVm,
    failure: string,
    work: (client: SoapClient) => Promise<T>,
  ): Promise<T> => {
    try {
      return await withSession(work);
    } catch (error) {
      throw new Error(`${failure} VM ${label(vm)}: ${reason(error, sdkUrl)}`, { cause: error });
    }
  };

  const readPower = async (client: SoapClient, vm: SourceVm) => {
    const properties = await readProperties(client, vmRef(vm), [
      'runtime.powerState',
      'guest.toolsRunningStatus',
    ]);
    return {
      power: vspherePowerState(String(properties['runtime.powerState'] ?? '')),
      toolsRunning: properties['guest.toolsRunningStatus'] === 'guestToolsRunning',
    };
  };

  return {
    powerState: (vm): Promise<PowerState> =>
      act(vm, 'Could not read from vCenter the power state of', async (client) => {
        return (await readPower(client, vm)).power;
      }),

    powerOff: (vm) =>
      act(vm, 'vCenter refused the shutdown of', async (client) => {
        const { power, toolsRunning } = await readPower(client, vm);
        if (power === 'Off') return;
        if (toolsRunning) {
          // The guest shuts itself down; WaitForPowerOff watches it get there.
          await client.call('ShutdownGuest', moRefXml('_this', vmRef(vm)));
          logger.info({ vm: vm.id }, 'Asked the guest of the source VM to shut down');
          return;
        }
        // Without VMware Tools there is no one to ask: power off, as Forklift does.
        await runTask(client, 'PowerOffVM_Task', vmRef(vm));
        logger.info({ vm: vm.id }, 'Powered off the source VM (its guest tools are not running)');
      }),

    powerOn: (vm) =>
      act(vm, 'vCenter refused to power on', async (client) => {
        if ((await readPower(client, vm)).power === 'On') return;
        await runTask(client, 'PowerOnVM_Task', vmRef(vm));
        logger.info({ vm: vm.id }, 'Powered the source VM on again');
      }),

    async close() {
      closed = true;
      const current = session;
      session = undefined;
      if (!current) return;
      const client = await current.catch(() => undefined);
      if (!client) return;
      try {
        await client.logout();
      } catch (error) {
        logger.debug({ sdkUrl, err: (error as Error).message }, 'vCenter logout failed');
      } finally {
        await client.close();
      }
    },
  };
};
