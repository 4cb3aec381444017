// Offline checks of the container image recipe and the cluster manifests: no Docker engine or
// cluster is needed, so mismatched ports, paths and names fail here instead of in a rollout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { readConfig } from '../apps/bff/src/config.ts';
import { WATCHED_MODELS } from '../apps/bff/src/events/change-feed.ts';
import { WATCHED_MODELS as OPENSHIFT_INVENTORY_MODELS } from '../apps/bff/src/inventory/openshift/collections.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (relative: string) => readFileSync(path.join(ROOT, relative), 'utf8');

// ---- Dockerfile ------------------------------------------------------------------------------

type Instruction = { keyword: string; args: string };
type Stage = { image: string; name: string | undefined; instructions: Instruction[] };

const parseDockerfile = (text: string): Stage[] => {
  const logical = text
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') {
      const [image = '', as, name] = args.replace(/--platform=\S+\s*/, '').split(/\s+/);
      stages.push({ image, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      assert.ok(stages.length > 0, `${keyword} before the first FROM`);
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
};

const stages = parseDockerfile(read('Dockerfile'));
const finalStage = stages.at(-1) as Stage;
const all = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

const workdirOf = (stage: Stage) => all(stage, 'WORKDIR').at(-1) ?? '/';

/** ENV in both forms, `ENV A=1 B=2` and the legacy `ENV A 1`. */
const envOf = (stage: Stage): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const args of all(stage, 'ENV')) {
    if (!args.includes('=')) {
      const [name = '', ...value] = args.split(/\s+/);
      env[name] = value.join(' ');
      continue;
    }
    for (const [, name = '', value = ''] of args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) {
      env[name] = value.replace(/^"|"$/g, '');
    }
  }
  return env;
};

type Copy = { from: string | undefined; sources: string[]; destination: string };

const copiesOf = (stage: Stage): Copy[] =>
  all(stage, 'COPY').map((args) => {
    const words = args.split(/\s+/);
    const flags = words.filter((w) => w.startsWith('--'));
    const paths = words.filter((w) => !w.startsWith('--'));
    const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
    return { from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
  });

/** Destination of a COPY as a path relative to the stage's WORKDIR, where the BFF looks. */
const inWorkdir = (stage: Stage, destination: string) =>
  path.posix.relative(workdirOf(stage), path.posix.resolve(workdirOf(stage), destination)) || '.';

const finalEnv = envOf(finalStage);
const bffPort = readConfig([], finalEnv, '/').port;

test('the Dockerfile builds in one stage and runs from another', () => {
  assert.ok(stages.length >= 2, `expected a multi-stage build, found ${stages.length} FROM`);
  assert.match(finalStage.image, /^node:24([.-]|$)/, 'the runtime image must be Node 24');
  for (const stage of stages) {
    assert.match(stage.image, /^node:24([.-]|$)/, `${stage.name ?? 'stage'}: Node 24 everywhere`);
  }
});

test('the image runs the BFF as a non-root user', () => {
  const user = all(finalStage, 'USER').at(-1);
  assert.ok(user, 'the final stage must set USER');
  assert.doesNotMatch(user, /^(root|0)(:|$)/);
  // A numeric UID lets Kubernetes enforce runAsNonRoot without reading the image's passwd.
  assert.match(user, /^\d+(:\d+)?$/);
});

test('the image listens on the port it exposes, on every interface', () => {
  const exposed = all(finalStage, 'EXPOSE').flatMap((args) => args.split(/\s+/));
  assert.deepEqual(
    exposed.map((p) => Number(p.replace(/\/tcp$/, ''))),
    [bffPort],
    'EXPOSE must be the port the BFF reads from the image environment',
  );
  assert.equal(readConfig([], finalEnv, '/').host, '0.0.0.0', 'loopback is unreachable');
  assert.ok(finalEnv.DATA_DIR?.startsWith('/'), 'DATA_DIR must be absolute, outside the code');
});

test('the image starts apps/bff/src/main.ts with node', () => {
  const cmd = all(finalStage, 'CMD').at(-1);
  assert.ok(cmd, 'the final stage must have a CMD');
  // Exec form: node is PID 1 and receives SIGTERM itself.
  const argv = JSON.parse(cmd) as string[];
  assert.equal(argv[0], 'node');
  assert.equal(path.posix.normalize(argv[1] ?? ''), 'apps/bff/src/main.ts');
  assert.equal(all(finalStage, 'ENTRYPOINT').length, 0, 'an ENTRYPOINT would wrap the CMD');
});

// ---- .dockerignore ---------------------------------------------------------------------------

/** A .dockerignore pattern as a regular expression: `**` spans directories, `*` and `?` do not. */
const globToRegex = (pattern: string): RegExp => {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (pattern[i] === '*') source += '[^/]*';
    else if (pattern[i] === '?') source += '[^/]';
    else source += (pattern[i] ?? '').replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
};

const dockerignore = read('.dockerignore')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => ({
    negated: line.startsWith('!'),
    regex: globToRegex(path.posix.normalize(line.replace(/^!/, '').replace(/^\/+/, ''))),
  }));

/** Docker's rules: a pattern excludes a path or any of its parents, the last match wins. */
const isIgnored = (relative: string) => {
  const parts = relative.split('/');
  let ignored = false;
  for (const rule of dockerignore) {
    for (let i = 1; i <= parts.length; i += 1) {
      if (rule.regex.test(parts.slice(0, i).join('/'))) ignored = !rule.negated;
    }
  }
  return ignored;
};

test('.dockerignore keeps host dependencies, build output and local state out of the context', () => {
  for (const excluded of [
    'node_modules',
    'node_modules/fastify/package.json',
    'apps/bff/node_modules',
    '.git',
    'dist',
    'apps/console-plugin/dist',
    'apps/console-shell/dist/index.html',
    'test-results',
  ]) {
    assert.ok(isIgnored(excluded), `${excluded} must be in .dockerignore`);
  }
  for (const kept of ['package.json', 'package-lock.json', 'apps/bff/src/main.ts']) {
    assert.ok(!isIgnored(kept), `${kept} must reach the build`);
  }
});

// ---- COPY sources ----------------------------------------------------------------------------

const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces
  .flatMap((glob) => {
    const parent = glob.replace(/\/\*$/, '');
    return readdirSync(path.join(ROOT, parent)).map((name) => `${parent}/${name}`);
  })
  .filter((dir) => existsSync(path.join(ROOT, dir, 'package.json')));

/** What a build stage makes that the repository does not hold: installs and bundles. */
const isBuildOutput = (relative: string) =>
  relative === 'node_modules' ||
  workspaces.some((dir) => {
    const scripts = (JSON.parse(read(`${dir}/package.json`)) as { scripts?: object }).scripts;
    return relative === `${dir}/dist` && scripts !== undefined && 'build' in scripts;
  });

test('every COPY source exists in the build context or is produced by an earlier stage', () => {
  for (const stage of stages) {
    for (const copy of copiesOf(stage)) {
      for (const source of copy.sources) {
        if (copy.from === undefined) {
          const relative = path.posix.normalize(source);
          assert.ok(existsSync(path.join(ROOT, relative)), `COPY ${source}: not in the repository`);
          assert.ok(relative === '.' || !isIgnored(relative), `COPY ${source}: in .dockerignore`);
          continue;
        }
        const from = stages.find((s) => s.name === copy.from);
        assert.ok(from, `COPY --from=${copy.from}: no such stage`);
        assert.ok(stages.indexOf(from) < stages.indexOf(stage), `${copy.from} must come earlier`);
        const relative = path.posix.relative(workdirOf(from), source);
        assert.ok(
          isBuildOutput(relative) ||
            (existsSync(path.join(ROOT, relative)) && !isIgnored(relative)),
          `COPY --from=${copy.from} ${source}: neither built nor in the repository`,
        );
      }
    }
  }
});

test('the dependency layer is cached on the manifests of every workspace', () => {
  const build = stages[0] as Stage;
  const copied = copiesOf(build).flatMap((c) => c.sources);
  for (const manifest of [
    'package.json',
    'package-lock.json',
    ...workspaces.map((d) => `${d}/package.json`),
  ]) {
    assert.ok(copied.includes(manifest), `${manifest} must be copied before npm ci`);
  }
  const order = build.instructions.map((i) => `${i.keyword} ${i.args}`);
  const install = order.findIndex((line) => /^RUN npm ci\b/.test(line));
  const everything = order.findIndex((line) => /^COPY \. /.test(line));
  assert.ok(install >= 0 && install < everything, 'npm ci must run before COPY . .');
  assert.ok(order.slice(everything).some((line) => /^RUN npm run build\b/.test(line)));
});

/**
 * Where each COPY source lands, relative to the stage's WORKDIR. A file copied into a directory
 * keeps its name; a directory's contents land in the destination itself.
 */
const placedPaths = (stage: Stage): string[] =>
  copiesOf(stage).flatMap((copy) =>
    copy.sources.map((source) => {
      const into = inWorkdir(stage, copy.destination);
      const from = stages.find((s) => s.name === copy.from);
      const relative = from ? path.posix.relative(workdirOf(from), source) : source;
      const repoPath = path.join(ROOT, relative);
      const isFile = existsSync(repoPath) && statSync(repoPath).isFile();
      const intoDirectory = copy.destination.endsWith('/') || into === '.';
      return isFile && intoDirectory ? path.posix.join(into, path.posix.basename(relative)) : into;
    }),
  );

test('the runtime stage holds everything the BFF reads at run time', () => {
  const placed = placedPaths(finalStage);
  // Paths main.ts and the embedded API's kinds.ts resolve relative to their own files, and the package
  // manifests that make Node treat the sources as ES modules and resolve @forklift-console/api.
  for (const needed of [
    'node_modules',
    'apps/bff/package.json',
    'apps/bff/src/main.ts',
    'packages/api/package.json',
    'packages/api/src/index.ts',
    'packages/controller-runtime/src/index.ts',
    'apps/embedded-cluster/package.json',
    'apps/embedded-cluster/src/index.ts',
    'deploy/crds/forklift',
    'apps/console-plugin/dist',
    'apps/console-shell/dist',
  ]) {
    assert.ok(
      placed.some((p) => p === needed || p === '.' || needed.startsWith(`${p}/`)),
      `the runtime stage must COPY ${needed}`,
    );
  }
});

// ---- Kubernetes manifests --------------------------------------------------------------------

type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
};

const manifestFiles = readdirSync(path.join(ROOT, 'deploy')).filter((f) => /\.ya?ml$/.test(f));
const objects: KubeObject[] = manifestFiles.flatMap((file) =>
  yaml
    .loadAll(read(`deploy/${file}`))
    .filter((doc) => doc !== null && doc !== undefined)
    .map((doc) => doc as KubeObject),
);

const find = (kind: string, name?: string): KubeObject => {
  const found = objects.filter(
    (o) => o.kind === kind && (name === undefined || o.metadata.name === name),
  );
  assert.equal(found.length, 1, `expected exactly one ${kind}${name ? ` ${name}` : ''}`);
  return found[0] as KubeObject;
};

// Only the fields the checks read; the rest of each object is left untyped on purpose.
type Port = { name?: string; port?: number; containerPort?: number; targetPort?: number | string };
type Probe = { httpGet?: { path?: string; port?: number | string; scheme?: string } };
type Container = {
  name: string;
  ports?: Port[];
  env?: { name: string; value?: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  securityContext?: { readOnlyRootFilesystem?: boolean };
  volumeMounts?: { name: string; mountPath: string }[];
};
type Deployment = KubeObject & {
  spec: {
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string> };
      spec: { serviceAccountName?: string; containers: Container[] };
    };
  };
};
type Service = KubeObject & { spec: { selector: Record<string, string>; ports: Port[] } };
type ServiceRef = { name: string; namespace: string; port: number };
type ConsolePlugin = KubeObject & {
  spec: {
    displayName: string;
    backend: { type: string; service: ServiceRef & { basePath?: string } };
    proxy?: { alias: string; authorization?: string; endpoint: { service: ServiceRef } }[];
  };
};
type Rule = { apiGroups: string[]; resources: string[]; verbs: string[] };

const namespace = find('Namespace').metadata.name;
const deployment = find('Deployment') as Deployment;
const container = deployment.spec.template.spec.containers[0] as Container;
const plugin = find('ConsolePlugin') as ConsolePlugin;

const serviceFor = (ref: ServiceRef): Service => {
  assert.equal(ref.namespace, namespace);
  return find('Service', ref.name) as Service;
};

/** The container port a probe or a Service targetPort points at, by number or by name. */
const containerPort = (port: number | string | undefined): number => {
  const match = container.ports?.find((p) => p.name === port || p.containerPort === port);
  assert.ok(match?.containerPort, `port ${String(port)} is not a port of the container`);
  return match.containerPort;
};

test('every manifest parses and names its apiVersion, kind and name', () => {
  assert.ok(manifestFiles.length > 0);
  for (const object of objects) {
    assert.equal(typeof object.apiVersion, 'string', JSON.stringify(object).slice(0, 80));
    assert.equal(typeof object.kind, 'string', JSON.stringify(object).slice(0, 80));
    assert.ok(object.metadata?.name, `${object.kind} without metadata.name`);
  }
});

test('namespaced objects live in the namespace the manifests create', () => {
  const clusterScoped = new Set([
    'Namespace',
    'ClusterRole',
    'ClusterRoleBinding',
    'ConsolePlugin',
  ]);
  for (const object of objects.filter((o) => !clusterScoped.has(o.kind))) {
    assert.equal(object.metadata.namespace, namespace, `${object.kind} ${object.metadata.name}`);
  }
});

test('the ConsolePlugin is named and titled as the plugin package declares', () => {
  const { consolePlugin } = JSON.parse(read('apps/console-plugin/package.json')) as {
    consolePlugin: { name: string; displayName: string };
  };
  assert.equal(plugin.metadata.name, consolePlugin.name);
  assert.equal(plugin.spec.displayName, consolePlugin.displayName);
});

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  additionalProperties?: unknown;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
};

/** The subset of OpenAPI v3 the CRD uses: enough to catch misspelt or misplaced fields. */
const validate = (value: unknown, schema: Schema, at: string): string[] => {
  const errors: string[] = [];
  const kind = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (schema.type && schema.type !== kind && !(schema.type === 'number' && kind === 'integer')) {
    return [`${at}: expected ${schema.type}, got ${kind}`];
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: not one of ${schema.enum}`);
  if (schema.pattern && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) {
    errors.push(`${at}: does not match ${schema.pattern}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: too small`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: too large`);
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) =>
      errors.push(...validate(item, schema.items as Schema, `${at}[${i}]`)),
    );
  }
  if (kind === 'object' && value !== null && schema.properties) {
    const object = value as Record<string, unknown>;
    for (const field of schema.required ?? []) {
      if (!(field in object)) errors.push(`${at}.${field}: required`);
    }
    for (const [field, child] of Object.entries(object)) {
      const childSchema = schema.properties[field];
      if (childSchema) errors.push(...validate(child, childSchema, `${at}.${field}`));
      else if (!schema.additionalProperties && !schema['x-kubernetes-preserve-unknown-fields']) {
        errors.push(`${at}.${field}: unknown field`);
      }
    }
  }
  return errors;
};

test('the ConsolePlugin matches the console.openshift.io CRD schema', () => {
  const crd = yaml.load(read('deploy/crds/console/console.openshift.io_consoleplugins.yaml')) as {
    spec: { group: string; versions: { name: string; schema: { openAPIV3Schema: Schema } }[] };
  };
  const [group, version] = plugin.apiVersion.split('/');
  assert.equal(group, crd.spec.group);
  const served = crd.spec.versions.find((v) => v.name === version);
  assert.ok(served, `${plugin.apiVersion} is not a version of the CRD`);
  const spec = served.schema.openAPIV3Schema.properties?.spec as Schema;
  assert.deepEqual(validate(plugin.spec, spec, 'spec'), []);
});

test('the ConsolePlugin loads assets and proxies the API through the BFF Service', () => {
  const backend = plugin.spec.backend.service;
  const service = serviceFor(backend);
  assert.ok(
    service.spec.ports.some((p) => p.port === backend.port),
    'backend port must be a Service port',
  );
  // apps/bff/src/static/routes.ts serves the plugin bundle under this prefix.
  assert.equal(backend.basePath, '/plugin/');
  const proxy = plugin.spec.proxy?.find((p) => p.alias === 'forklift-bff');
  assert.ok(proxy, 'the plugin calls the BFF through the forklift-bff proxy alias');
  // The BFF makes each Kubernetes call with the caller's token (apps/bff/src/kube/requester.ts).
  assert.equal(proxy.authorization, 'UserToken');
  const proxied = serviceFor(proxy.endpoint.service);
  assert.ok(proxied.spec.ports.some((p) => p.port === proxy.endpoint.service.port));
});

test('the Deployment, its probes, the Service and the image agree on the port', () => {
  const port = containerPort(container.ports?.[0]?.name ?? container.ports?.[0]?.containerPort);
  assert.equal(port, bffPort, 'container port must be the port the image EXPOSEs');
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  assert.equal(readConfig([], { ...finalEnv, ...env }, '/').port, port, 'PORT env disagrees');

  assert.equal(container.readinessProbe?.httpGet?.path, '/readyz');
  assert.equal(containerPort(container.readinessProbe?.httpGet?.port), port);
  assert.equal(container.livenessProbe?.httpGet?.path, '/healthz');
  assert.equal(containerPort(container.livenessProbe?.httpGet?.port), port);

  const service = serviceFor({
    name: plugin.spec.backend.service.name,
    namespace,
    port: plugin.spec.backend.service.port,
  });
  for (const servicePort of service.spec.ports) {
    assert.equal(containerPort(servicePort.targetPort ?? servicePort.port), port);
  }
});

test('the Service and the Deployment select the Deployment pods', () => {
  const labels = deployment.spec.template.metadata.labels;
  const service = find('Service') as Service;
  for (const selector of [service.spec.selector, deployment.spec.selector.matchLabels]) {
    assert.ok(Object.keys(selector).length > 0);
    for (const [key, value] of Object.entries(selector)) assert.equal(labels[key], value, key);
  }
});

test('the Service asks OpenShift for a serving certificate', () => {
  const annotations = (find('Service').metadata as { annotations?: Record<string, string> })
    .annotations;
  assert.ok(annotations?.['service.beta.openshift.io/serving-cert-secret-name']);
});

test('a read-only root filesystem still leaves DATA_DIR writable', () => {
  if (!container.securityContext?.readOnlyRootFilesystem) return;
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  const dataDir = env.DATA_DIR ?? finalEnv.DATA_DIR;
  assert.ok(
    container.volumeMounts?.some((m) => m.mountPath === dataDir),
    `mount a volume at ${dataDir}: the BFF creates it at start-up`,
  );
});

test('the service account may list and watch everything the change feed and the host inventory watch', () => {
  const accountName = deployment.spec.template.spec.serviceAccountName;
  assert.ok(accountName, 'the Deployment must name its service account');
  find('ServiceAccount', accountName);
  const binding = objects.find(
    (o) =>
      o.kind === 'ClusterRoleBinding' &&
      (
        o as KubeObject & { subjects: { kind: string; name: string; namespace: string }[] }
      ).subjects.some(
        (s) => s.kind === 'ServiceAccount' && s.name === accountName && s.namespace === namespace,
      ),
  ) as (KubeObject & { roleRef: { kind: string; name: string } }) | undefined;
  assert.ok(binding, 'no ClusterRoleBinding for the service account');
  const role = find(binding.roleRef.kind, binding.roleRef.name) as KubeObject & { rules: Rule[] };
  const allows = (group: string, resource: string, verb: string) =>
    role.rules.some(
      (r) =>
        (r.apiGroups.includes(group) || r.apiGroups.includes('*')) &&
        (r.resources.includes(resource) || r.resources.includes('*')) &&
        (r.verbs.includes(verb) || r.verbs.includes('*')),
    );
  for (const model of [...WATCHED_MODELS, ...Object.values(OPENSHIFT_INVENTORY_MODELS)]) {
    for (const verb of ['list', 'watch']) {
      assert.ok(allows(model.group, model.plural, verb), `${verb} ${model.plural}.${model.group}`);
    }
  }
  // What the migration engine makes in a plan's target project and removes again
  // (apps/bff/src/engine/migrations/execution/cluster.ts), and the statuses the controllers write.
  const made = [
    ['', 'secrets'],
    ['', 'configmaps'],
    ['', 'persistentvolumeclaims'],
    ['', 'persistentvolumes'],
    ['', 'pods'],
    ['batch', 'jobs'],
    ['cdi.kubevirt.io', 'datavolumes'],
    ['kubevirt.io', 'virtualmachines'],
  ];
  for (const [group, resource] of made) {
    for (const verb of ['create', 'delete']) {
      assert.ok(allows(group!, resource!, verb), `${verb} ${resource}.${group}`);
    }
  }
  assert.ok(allows('', 'namespaces', 'create'), 'create namespaces');
  assert.ok(allows('', 'pods/log', 'get'), 'get pods/log');
  for (const kind of [
    'providers',
    'hosts',
    'networkmaps',
    'storagemaps',
    'hooks',
    'plans',
    'migrations',
  ]) {
    assert.ok(allows('forklift.konveyor.io', `${kind}/status`, 'update'), `update ${kind}/status`);
  }
});
