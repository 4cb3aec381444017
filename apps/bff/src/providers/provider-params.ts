// The path of every route that works on one Provider: /namespaces/:namespace/providers/:name/….
import { objectParamsSchema } from '../http/schemas.ts';

export type ProviderParams = { namespace: string; name: string };

export const providerParamsSchema = objectParamsSchema;
