// Reads many managed objects at once: a ContainerView over the whole inventory and one
// RetrievePropertiesEx per page of results (ContinueRetrievePropertiesEx for the rest), which is
// how a collector fetches thousands of VMs without one round trip each.
import {
  moRefXml,
  textXml,
  toMoRef,
  type ManagedObjectReference,
  type SoapClient,
  type XmlNode,
} from '@forklift-console/vsphere';

export type PropertyRequest = { type: string; paths: string[] };

export type RetrievedObject = { ref: ManagedObjectReference; properties: Record<string, unknown> };

const PAGE_SIZE = 1000;

/**
 * A vim25 value as plain data: text stays text (the collector converts per property), managed
 * object references become {type, value}, and data objects keep their xsi:type as `_type` for the
 * ones that need it (devices, backings).
 */
export const toPlain = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(toPlain);
  if (node === null || typeof node !== 'object') return node;
  const element = node as XmlNode;
  const dataType = element['@_xsi:type'];
  const children = Object.keys(element).filter((key) => key !== '#text' && !key.startsWith('@_'));
  if (children.length === 0) {
    const isReference =
      dataType === 'ManagedObjectReference' || (dataType === undefined && '@_type' in element);
    return isReference ? toMoRef(element) : (element['#text'] ?? '');
  }
  const plain: Record<string, unknown> = dataType ? { _type: dataType } : {};
  for (const key of children) plain[key] = toPlain(element[key]);
  return plain;
};

const objectsOf = (returnval: XmlNode | undefined): RetrievedObject[] =>
  ((returnval?.objects as XmlNode[] | undefined) ?? []).map((object) => ({
    ref: toMoRef(object.obj),
    properties: Object.fromEntries(
      ((object.propSet as XmlNode[] | undefined) ?? []).map((property) => [
        String(property.name),
        toPlain(property.val),
      ]),
    ),
  }));

/** A ContainerView over the whole inventory for these types; destroy it when done. */
export const createInventoryView = async (client: SoapClient, types: string[]) => {
  const content = await client.serviceContent();
  const view = await client.call(
    'CreateContainerView',
    moRefXml('_this', content.viewManager) +
      moRefXml('container', content.rootFolder) +
      types.map((type) => textXml('type', type)).join('') +
      '<recursive>true</recursive>',
  );
  return toMoRef((view.returnval as XmlNode[])[0]);
};

/** The PropertyFilterSpec body: these properties of every object the view holds. */
export const filterSpecXml = (requests: PropertyRequest[], view: ManagedObjectReference) =>
  requests
    .map(
      (request) =>
        `<propSet>${textXml('type', request.type)}${request.paths
          .map((path) => textXml('pathSet', path))
          .join('')}</propSet>`,
    )
    .join('') +
  `<objectSet>${moRefXml('obj', view)}<skip>true</skip>` +
  '<selectSet xsi:type="TraversalSpec"><name>view</name><type>ContainerView</type>' +
  '<path>view</path><skip>false</skip></selectSet></objectSet>';

export const retrieveInventory = async (
  client: SoapClient,
  requests: PropertyRequest[],
  pageSize = PAGE_SIZE,
): Promise<RetrievedObject[]> => {
  const content = await client.serviceContent();
  const viewRef = await createInventoryView(
    client,
    requests.map((request) => request.type),
  );
  try {
    const first = await client.call(
      'RetrievePropertiesEx',
      moRefXml('_this', content.propertyCollector) +
        `<specSet>${filterSpecXml(requests, viewRef)}</specSet>` +
        `<options><maxObjects>${pageSize}</maxObjects></options>`,
    );
    let page = (first.returnval as XmlNode[] | undefined)?.[0];
    const objects = objectsOf(page);
    while (page?.token) {
      const next = await client.call(
        'ContinueRetrievePropertiesEx',
        moRefXml('_this', content.propertyCollector) + textXml('token', String(page.token)),
      );
      page = (next.returnval as XmlNode[] | undefined)?.[0];
      objects.push(...objectsOf(page));
    }
    return objects;
  } finally {
    await client.call('DestroyView', moRefXml('_this', viewRef));
  }
};
