// The JSON schemas and parameter types the inventory routes share.
import { PROVIDER_TYPES } from '@forklift-console/api';
import { errorSchema } from '../http/schemas.ts';
import { DETAIL_PATTERN } from './query.ts';

/** The keys of GET /providers, in Forklift's order: its inventory has no Nutanix. */
export const INVENTORY_PROVIDER_TYPES = PROVIDER_TYPES.filter((type) => type !== 'nutanix');

export const looseObject = { type: 'object', additionalProperties: true } as const;
export const looseList = { type: 'array', items: looseObject } as const;
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  503: errorSchema,
};
/** Before the first full load: Forklift answers 206 with no body. */
export const partialResponse = {
  206: { type: 'null', description: 'The inventory is still loading' },
};

export const typeSchema = { type: 'string', enum: INVENTORY_PROVIDER_TYPES } as const;
export const uidSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9-]+$',
};
export const detailSchema = { type: 'string', pattern: DETAIL_PATTERN } as const;
export const countSchema = { type: 'integer', minimum: 0 } as const;

export const pagingQuery = {
  type: 'object',
  properties: { detail: detailSchema, limit: countSchema, offset: countSchema },
} as const;

export type PagingQuery = { detail?: string; limit?: number; offset?: number };
export type TypeParams = { type: string };
export type ProviderParams = { type: string; uid: string };

export const providerParams = {
  type: 'object',
  properties: { type: typeSchema, uid: uidSchema },
  required: ['type', 'uid'],
} as const;
