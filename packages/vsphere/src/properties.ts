// Reading a few properties of one managed object: a single RetrievePropertiesEx, for callers that
// walk a handful of objects (a VM's parents) rather than collect an inventory.
import {
  moRefXml,
  textXml,
  VsphereFault,
  type ManagedObjectReference,
  type SoapClient,
  type XmlNode,
} from './soap-client.ts';

// A simple value arrives typed (`<val xsi:type="xsd:string">x</val>`): the text is the value.
// References (`type` attribute) and data objects (child elements) stay parsed XML.
const valueOf = (node: unknown): unknown => {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const element = node as XmlNode;
  // Attributes aside (xsi:type, namespace declarations), only text, and not a reference.
  const isSimple =
    !('@_type' in element) &&
    Object.keys(element).every((key) => key === '#text' || key.startsWith('@_'));
  return isSimple ? (element['#text'] ?? '') : node;
};

/**
 * The properties asked for, by path: text for simple values, parsed XML for references (read
 * them with `toMoRef`) and data objects; a property the object has no value for is absent. A missing object is a
 * VsphereFault of kind ManagedObjectNotFound; a property the server would not read (in its
 * `missingSet` for want of a permission or a session, as vcsim answers a dropped one) is a
 * VsphereFault of that fault's kind, not an absent value.
 */
export const readProperties = async (
  client: SoapClient,
  ref: ManagedObjectReference,
  paths: string[],
): Promise<Record<string, unknown>> => {
  const { propertyCollector } = await client.serviceContent();
  const response = await client.call(
    'RetrievePropertiesEx',
    moRefXml('_this', propertyCollector) +
      '<specSet><propSet>' +
      textXml('type', ref.type) +
      paths.map((path) => textXml('pathSet', path)).join('') +
      `</propSet><objectSet>${moRefXml('obj', ref)}<skip>false</skip></objectSet></specSet>` +
      '<options></options>',
  );
  const object = (
    (response.returnval as XmlNode[] | undefined)?.[0]?.objects as XmlNode[] | undefined
  )?.[0];
  // vcsim answers a path through an unset property (`config.x` of a VM with no config) with
  // InvalidProperty; that is an absent value like any other.
  for (const missing of [object?.missingSet ?? []].flat() as XmlNode[]) {
    const fault = (missing.fault as XmlNode | undefined)?.fault as XmlNode | undefined;
    const kind = String(fault?.['@_xsi:type'] ?? 'MissingProperty');
    if (kind === 'InvalidProperty') continue;
    throw new VsphereFault(kind, `${kind}: cannot read ${String(missing.path)} of ${ref.value}`);
  }
  return Object.fromEntries(
    ((object?.propSet as XmlNode[] | undefined) ?? []).map((property) => [
      String(property.name),
      valueOf(property.val),
    ]),
  );
};
