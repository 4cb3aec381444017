// Just enough of Kubernetes' protobuf encoding to read a SelfSubjectAccessReview, which kubectl
// (`auth can-i`) sends only as protobuf. A protobuf body is the magic `k8s\0` and a
// runtime.Unknown whose `raw` field holds the object; everything else this server takes as JSON.
import { badRequest } from './status.ts';

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

/** The length-delimited fields of a message by number (strings and embedded messages). */
const fieldsOf = (message: Buffer): Map<number, Buffer> => {
  const fields = new Map<number, Buffer>();
  let offset = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (offset >= message.length) throw badRequest('the protobuf body is truncated');
      const byte = message[offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
      shift += 7;
    }
  };
  while (offset < message.length) {
    const tag = varint();
    const wireType = tag & 0x7;
    const field = Math.floor(tag / 8);
    if (wireType === 0) varint();
    else if (wireType === 1) offset += 8;
    else if (wireType === 5) offset += 4;
    else if (wireType === 2) {
      const length = varint();
      fields.set(field, message.subarray(offset, offset + length));
      offset += length;
    } else throw badRequest(`the protobuf body has an unsupported wire type ${wireType}`);
  }
  return fields;
};

const strings = (message: Buffer | undefined, names: Record<number, string>) => {
  const fields = message ? fieldsOf(message) : new Map<number, Buffer>();
  return Object.fromEntries(
    Object.entries(names).flatMap(([number, name]) => {
      const value = fields.get(Number(number));
      return value ? [[name, value.toString('utf8')]] : [];
    }),
  );
};

/** A protobuf SelfSubjectAccessReview as the JSON object it stands for (its spec only). */
export const decodeSelfSubjectAccessReview = (body: Buffer): unknown => {
  if (!body.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw badRequest('the protobuf body does not start with the Kubernetes magic bytes');
  }
  const raw = fieldsOf(body.subarray(MAGIC.length)).get(2);
  const spec = raw ? fieldsOf(raw).get(2) : undefined;
  const specFields = spec ? fieldsOf(spec) : new Map<number, Buffer>();
  const resource = specFields.get(1);
  const nonResource = specFields.get(2);
  return {
    spec: {
      ...(resource
        ? {
            resourceAttributes: strings(resource, {
              1: 'namespace',
              2: 'verb',
              3: 'group',
              4: 'version',
              5: 'resource',
              6: 'subresource',
              7: 'name',
            }),
          }
        : {}),
      ...(nonResource
        ? { nonResourceAttributes: strings(nonResource, { 1: 'path', 2: 'verb' }) }
        : {}),
    },
  };
};
