// Keeps src/generated/crd-types.ts in step with deploy/crds/forklift, and pins how the generator
// maps schema keywords to TypeScript.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  OUTPUT_FILE,
  formatTypeScript,
  generateCrdTypes,
  renderCrdTypes,
} from '../scripts/generate-types.ts';
import type { ForkliftControllerStatus, NetworkMapSpec, PlanSpec, ProviderSpec } from './index.ts';

test('the committed CRD types match deploy/crds/forklift', async () => {
  assert.equal(
    await readFile(OUTPUT_FILE, 'utf8'),
    await generateCrdTypes(),
    'packages/api/src/generated/crd-types.ts is stale: run `npm run generate -w @forklift-console/api`',
  );
});

// True only when A and B are the same type (plain `extends` would accept subtypes).
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

test('the generated types keep the fields the console relies on', () => {
  // `tsc` does the checking: an entry stops compiling once its field changes type in the CRD.
  const checks: [
    Equal<PlanSpec['warm'], boolean | undefined>,
    Equal<PlanSpec['type'], 'cold' | 'warm' | 'live' | 'conversion' | undefined>,
    // The CRD leaves the provider type an open string, not an enum.
    Equal<ProviderSpec['type'], string>,
    Equal<NetworkMapSpec['map'][number]['destination']['type'], 'pod' | 'multus' | 'ignored'>,
    Equal<ForkliftControllerStatus, Record<string, unknown>>,
  ] = [true, true, true, true, true];
  assert.ok(checks.every(Boolean));
});

const WIDGET_CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  names: { kind: Widget }
  versions:
    - name: v1alpha1
      schema: { openAPIV3Schema: { properties: { spec: { type: string }, status: { type: string } } } }
    - name: v1beta1
      schema:
        openAPIV3Schema:
          description: |-
            A widget, e.g. a gauge.
            Only the first sentence is kept.
          type: object
          required: [spec]
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: { type: integer, format: int32 }
                port: { x-kubernetes-int-or-string: true }
                mode: { type: string, enum: [fast, slow] }
                tags: { type: array, items: { type: string, enum: [a, b] } }
                labels: { type: object, additionalProperties: { type: string } }
                raw: { type: object, x-kubernetes-preserve-unknown-fields: true }
                my-key: { type: boolean, description: 'Stops at */ in text.' }
                parent: { type: string, nullable: true }
                extra:
                  type: object
                  properties: { a: { type: string } }
                  x-kubernetes-preserve-unknown-fields: true
            status:
              type: object
              x-kubernetes-preserve-unknown-fields: true
`;

test('schema keywords map to TypeScript types', async () => {
  const source = await formatTypeScript(renderCrdTypes([WIDGET_CRD]));
  assert.equal(
    source.slice(source.indexOf('export type')),
    `export type WidgetSpec = {
  size: number;
  port?: number | string;
  mode?: 'fast' | 'slow';
  tags?: ('a' | 'b')[];
  labels?: Record<string, string>;
  raw?: Record<string, unknown>;
  /** Stops at *\\/ in text. */
  'my-key'?: boolean;
  parent?: string | null;
  extra?: {
    a?: string;
    [key: string]: unknown;
  };
};

export type WidgetStatus = Record<string, unknown>;

/** A widget, e.g. a gauge. */
export type Widget = {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  spec: WidgetSpec;
  status?: WidgetStatus;
};
`,
  );
});

test('a CRD without a v1beta1 spec and status is rejected', () => {
  assert.throws(
    () => renderCrdTypes([WIDGET_CRD.replace('name: v1beta1', 'name: v1')]),
    /Widget: the v1beta1 schema must declare spec and status/,
  );
});
