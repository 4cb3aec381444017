// The SDK's webpack plugin accepts any unknown extension `type` as a custom extension, so a misspelt
// type or property would slip through the build. Validate every entry against the SDK's own
// definition of the extension it names, and check that display names are in the catalogue.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

type JsonSchema = {
  definitions: Record<string, { properties?: { type?: { const?: string } } }>;
};

export type ConsoleExtension = { type: string; properties: Record<string, unknown> };

const require = createRequire(import.meta.url);
const sdkSchema = JSON.parse(
  readFileSync(
    require.resolve('@openshift-console/dynamic-plugin-sdk-webpack/schema/console-extensions.json'),
    'utf8',
  ),
) as JsonSchema;

const definitionByType = new Map<string, string>();
for (const [name, definition] of Object.entries(sdkSchema.definitions)) {
  const type = definition.properties?.type?.const;
  if (type) definitionByType.set(type, name);
}

const ajv = new Ajv({ allErrors: true, jsonPointers: true });
ajv.addSchema(sdkSchema, 'sdk');

const I18N_REFERENCE = /^%(.+)~(.+)%$/;

/** Problems with the extensions, one sentence each; empty when they are all valid. */
export const validateExtensions = (
  extensions: ConsoleExtension[],
  catalogues: Record<string, Record<string, string>>,
): string[] => {
  const problems: string[] = [];
  extensions.forEach((extension, index) => {
    const where = `extension ${index} (${extension.type})`;
    const definition = definitionByType.get(extension.type);
    if (!definition) {
      problems.push(`${where}: "${extension.type}" is not an extension type the console supports`);
      return;
    }
    const validate = ajv.getSchema(`sdk#/definitions/${definition}`);
    if (validate && !validate(extension)) {
      for (const error of validate.errors ?? []) {
        const params = JSON.stringify(error.params);
        problems.push(`${where}: ${error.dataPath || '/'} ${error.message} ${params}`);
      }
    }
    const name = extension.properties.name;
    const reference = typeof name === 'string' ? I18N_REFERENCE.exec(name) : null;
    if (reference) {
      const [, namespace = '', key = ''] = reference;
      if (catalogues[namespace]?.[key] === undefined) {
        problems.push(`${where}: "${key}" is missing from locales/en/${namespace}.json`);
      }
    }
  });
  return problems;
};
