export * from './models.ts';
export * from './naming.ts';
export type * from './object-meta.ts';
export type * from './generated/crd-types.ts';
export * from './forklift-settings.ts';
export * from './provider-types.ts';
export type * from './tls-certificate.ts';
export * from './inventory-types.ts';
