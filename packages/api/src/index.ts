export * from './models.ts';
export * from './naming.ts';
