// How the BFF's routes validate requests, for the app and for route tests alike: a JSON body is
// checked as it was sent, while the querystring and path parameters, which arrive as text, are
// still coerced to the types their schemas declare.
import { AjvCompiler, type Options as AjvOptions } from '@fastify/ajv-compiler';
import type {
  FastifySchemaCompiler,
  FastifySchemaValidationError,
  FastifyServerOptions,
} from 'fastify';

type ExternalSchemas = Parameters<ReturnType<typeof AjvCompiler>>[0];
type ValidatorOptions = { customOptions?: AjvOptions };
type ValidatorFactory = (
  externalSchemas: ExternalSchemas,
  options: ValidatorOptions,
) => FastifySchemaCompiler<unknown>;

const ajvValidatorPool = AjvCompiler();

// @fastify/ajv-compiler types what it builds as Ajv's `compile(schema)`; at run time Fastify calls
// it, like any validator compiler, with the route's schema definition.
const buildAjvValidator = ajvValidatorPool as unknown as ValidatorFactory;

/**
 * Fastify's default Ajv coerces types and strips properties `additionalProperties: false` forbids:
 * `{"name": true}` would create a provider called "true", a number would pass for a password, and
 * a misspelt key would silently vanish. Bodies get neither; querystrings and params keep Fastify's
 * coercion (`?reveal=true` is a boolean) and its removal of unknown parameters. A custom compiler
 * also skips Fastify's lower-casing of header schemas, which no route declares.
 */
const buildBffValidator: ValidatorFactory = (externalSchemas, options) => {
  const forBodies = buildAjvValidator(externalSchemas, {
    ...options,
    customOptions: { ...options.customOptions, coerceTypes: false, removeAdditional: false },
  });
  const forTextParts = buildAjvValidator(externalSchemas, options);
  return (routeSchema) =>
    routeSchema.httpPart === 'body' ? forBodies(routeSchema) : forTextParts(routeSchema);
};

/** One schema error as a sentence that names where it is. */
export const describeValidationError = (
  { instancePath, keyword, message, params }: FastifySchemaValidationError,
  dataVar: string,
): string =>
  // Ajv's own sentence for a forbidden key does not say which key it is.
  keyword === 'additionalProperties'
    ? `${dataVar}${instancePath} has an unknown property "${String(params.additionalProperty)}"`
    : `${dataVar}${instancePath} ${message ?? 'is invalid'}`;

/** The message of a 400 for a request its route's schemas refuse: each error, by its path. */
const formatValidationErrors = (errors: FastifySchemaValidationError[], dataVar: string): Error =>
  new Error(errors.map((error) => describeValidationError(error, dataVar)).join(', '));

/** Options every Fastify instance serving BFF routes is created with. */
export const bffValidationOptions: FastifyServerOptions = {
  schemaErrorFormatter: formatValidationErrors,
  schemaController: {
    compilersFactory: { buildValidator: buildBffValidator as unknown as typeof ajvValidatorPool },
  },
};
