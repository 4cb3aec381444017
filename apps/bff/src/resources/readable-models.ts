import { FORKLIFT_MODELS, NetworkAttachmentDefinitionModel } from '@forklift-console/api';

/** What the console may list through the BFF: the Forklift kinds and the networks it maps to. */
export const READABLE_MODELS = [...FORKLIFT_MODELS, NetworkAttachmentDefinitionModel];

export const resourcePluralSchema = {
  type: 'string',
  enum: READABLE_MODELS.map((model) => model.plural),
} as const;
