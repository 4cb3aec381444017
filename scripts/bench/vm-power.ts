// Powering a vcsim VM off and on through the vSphere API, and a direct property-collector watch on
// its power state: the floor any page can reach, since vCenter itself takes time to report.
import {
  createSoapClient,
  moRefXml,
  textXml,
  toMoRef,
  type ManagedObjectReference,
  type SoapClient,
  type TlsOptions,
  type XmlNode,
} from '@forklift-console/vsphere';
import {
  createInventoryView,
  filterSpecXml,
  type PropertyRequest,
} from '../../apps/bff/src/inventory/vsphere/property-collector.ts';

const TASK_POLL_MS = 20;

const taskState = async (client: SoapClient, task: ManagedObjectReference): Promise<string> => {
  const { propertyCollector } = await client.serviceContent();
  const response = await client.call(
    'RetrievePropertiesEx',
    moRefXml('_this', propertyCollector) +
      `<specSet><propSet>${textXml('type', 'Task')}${textXml('pathSet', 'info.state')}</propSet>` +
      `<objectSet>${moRefXml('obj', task)}</objectSet></specSet><options></options>`,
  );
  const object = ((response.returnval as XmlNode[] | undefined)?.[0]?.objects as XmlNode[])[0]!;
  const value = (object.propSet as XmlNode[])[0]!.val as XmlNode;
  return String(value['#text'] ?? '');
};

/**
 * Runs PowerOffVM_Task or PowerOnVM_Task and resolves with the wall-clock time (Date.now()) the
 * task was seen complete: the call's return when it was already done then (vcsim runs power tasks
 * before answering), else the first poll that finds it done.
 */
export const runPowerTask = async (
  client: SoapClient,
  method: 'PowerOffVM_Task' | 'PowerOnVM_Task',
  vm: ManagedObjectReference,
): Promise<number> => {
  const response = await client.call(method, moRefXml('_this', vm));
  let seenAt = Date.now();
  const task = toMoRef((response.returnval as XmlNode[])[0]);
  for (;;) {
    const state = await taskState(client, task);
    if (state === 'success') return seenAt;
    if (state === 'error') throw new Error(`${method} on ${vm.value} failed`);
    await new Promise((resolve) => setTimeout(resolve, TASK_POLL_MS));
    seenAt = Date.now();
  }
};

export type PowerWatch = {
  /** Resolves with Date.now() when the watch has seen the VM in this power state. */
  seen(powerState: 'poweredOn' | 'poweredOff'): Promise<number>;
  stop(): Promise<void>;
};

/**
 * Watches one VM's power state through the inventory's own filter (a ContainerView over every
 * type the inventory reads, the same properties), so vCenter does the same work to report a
 * change as it does for the inventory. The filter sits on a property collector of its own, as
 * govmomi's waiters do: vcsim hands the shared default collector's updates to one session only.
 */
export const startPowerWatch = async (
  target: { sdkUrl: string; username: string; password: string; tls: TlsOptions },
  requests: PropertyRequest[],
  vm: ManagedObjectReference,
): Promise<PowerWatch> => {
  const client = createSoapClient(target.sdkUrl, target.tls);
  await client.login(target.username, target.password);
  const { propertyCollector } = await client.serviceContent();
  const created = await client.call(
    'CreatePropertyCollector',
    moRefXml('_this', propertyCollector),
  );
  const collector = toMoRef((created.returnval as XmlNode[])[0]);
  const view = await createInventoryView(
    client,
    requests.map((request) => request.type),
  );
  await client.call(
    'CreateFilter',
    moRefXml('_this', collector) +
      `<spec>${filterSpecXml(requests, view)}</spec>` +
      '<partialUpdates>false</partialUpdates>',
  );
  let current = { state: '', at: 0 };
  let notify = () => {};
  let stopped = false;
  const applyUpdateSet = (updateSet: XmlNode, at: number) => {
    for (const filterUpdate of (updateSet.filterSet as XmlNode[] | undefined) ?? []) {
      for (const objectUpdate of (filterUpdate.objectSet as XmlNode[] | undefined) ?? []) {
        if (toMoRef(objectUpdate.obj).value !== vm.value) continue;
        for (const change of (objectUpdate.changeSet as XmlNode[] | undefined) ?? []) {
          if (change.name !== 'runtime.powerState') continue;
          current = { state: String((change.val as XmlNode | undefined)?.['#text'] ?? ''), at };
        }
      }
    }
  };
  const waitForUpdates = async () => {
    let version = '';
    while (!stopped) {
      const response = await client.call(
        'WaitForUpdatesEx',
        moRefXml('_this', collector) +
          textXml('version', version) +
          '<options><maxWaitSeconds>1</maxWaitSeconds></options>',
      );
      const updateSet = (response.returnval as XmlNode[] | undefined)?.[0];
      if (!updateSet) continue;
      version = String(updateSet.version ?? '');
      applyUpdateSet(updateSet, Date.now());
      notify();
    }
  };
  const waiting = waitForUpdates();
  return {
    seen: (powerState) =>
      new Promise((resolve) => {
        notify = () => {
          if (current.state === powerState) resolve(current.at);
        };
        notify();
      }),
    async stop() {
      stopped = true;
      await waiting.catch(() => undefined);
      await client.call('DestroyPropertyCollector', moRefXml('_this', collector));
      await client.call('DestroyView', moRefXml('_this', view));
      await client.logout();
      await client.close();
    },
  };
};
