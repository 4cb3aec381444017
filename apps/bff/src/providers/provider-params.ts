// The path of every route that works on one Provider: /namespaces/:namespace/providers/:name/….
import { dns1123Schema } from '../http/schemas.ts';

export type ProviderParams = { namespace: string; name: string };

export const providerParamsSchema = {
  type: 'object',
  properties: { namespace: dns1123Schema, name: dns1123Schema },
  required: ['namespace', 'name'],
} as const;
