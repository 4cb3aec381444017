// The kinds the embedded API server serves. Forklift's come from its CRDs (schemas included); the
// built-in ones are one table entry each.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import yaml from 'js-yaml';
import {
  CDIConfigModel,
  ConfigMapModel,
  DataVolumeModel,
  EventModel,
  JobModel,
  NamespaceModel,
  NetworkAttachmentDefinitionModel,
  PersistentVolumeClaimModel,
  PersistentVolumeModel,
  PodModel,
  SecretModel,
  StorageClassModel,
  VirtualMachineClusterInstancetypeModel,
  VirtualMachineInstanceModel,
  VirtualMachineInstancetypeModel,
  VirtualMachineModel,
  UploadTokenRequestModel,
  type K8sModel,
} from '@forklift-console/api';
import type { JsonSchema } from './schema.ts';

export type Kind = {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  /** Writes to the main resource leave status alone; /status writes change only status. */
  statusSubresource: boolean;
  /** Only `create`, answered and not stored (UploadTokenRequest, as CDI's API server serves it). */
  createOnly?: boolean;
  /**
   * Field selector labels beyond metadata.name and metadata.namespace, each with the dotted path it
   * reads: kube-apiserver's per-kind lists, or a CRD's selectableFields.
   */
  fieldLabels: Record<string, string>;
  schema?: JsonSchema;
};

export const apiVersionOfKind = (kind: Kind) =>
  kind.group ? `${kind.group}/${kind.version}` : kind.version;

/** Identifies a kind in storage and in events: `group/plural`. */
export const kindKey = (kind: Pick<Kind, 'group' | 'plural'>) => `${kind.group}/${kind.plural}`;

const builtIn = (model: K8sModel, extra: Partial<Kind> = {}): Kind => ({
  ...model,
  singular: model.kind.toLowerCase(),
  shortNames: [],
  categories: [],
  statusSubresource: false,
  fieldLabels: {},
  ...extra,
});

const sameNames = (...paths: string[]) => Object.fromEntries(paths.map((field) => [field, field]));

const ServiceModel: K8sModel = { ...PodModel, kind: 'Service', plural: 'services' };

const rbac = (kind: string, plural: string, namespaced: boolean): K8sModel => ({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind,
  plural,
  namespaced,
});

export const BUILT_IN_KINDS: Kind[] = [
  // RBAC, which the embedded server enforces for users other than the local administrator.
  builtIn(rbac('Role', 'roles', true)),
  builtIn(rbac('ClusterRole', 'clusterroles', false)),
  builtIn(rbac('RoleBinding', 'rolebindings', true)),
  builtIn(rbac('ClusterRoleBinding', 'clusterrolebindings', false)),
  builtIn(NamespaceModel, {
    shortNames: ['ns'],
    statusSubresource: true,
    fieldLabels: sameNames('status.phase'),
  }),
  builtIn(SecretModel, { fieldLabels: sameNames('type') }),
  builtIn(ConfigMapModel, { shortNames: ['cm'] }),
  builtIn(PersistentVolumeClaimModel, { shortNames: ['pvc'], statusSubresource: true }),
  builtIn(PersistentVolumeModel, {
    shortNames: ['pv'],
    statusSubresource: true,
    fieldLabels: sameNames('status.phase'),
  }),
  builtIn(PodModel, {
    shortNames: ['po'],
    statusSubresource: true,
    fieldLabels: sameNames(
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.schedulerName',
      'spec.serviceAccountName',
      'spec.hostNetwork',
      'status.phase',
      'status.podIP',
      'status.nominatedNodeName',
    ),
  }),
  builtIn(ServiceModel, { shortNames: ['svc'], statusSubresource: true }),
  builtIn(EventModel, {
    shortNames: ['ev'],
    fieldLabels: {
      ...sameNames(
        'involvedObject.kind',
        'involvedObject.namespace',
        'involvedObject.name',
        'involvedObject.uid',
        'involvedObject.apiVersion',
        'involvedObject.resourceVersion',
        'involvedObject.fieldPath',
        'reason',
        'reportingComponent',
        'type',
      ),
      source: 'source.component',
    },
  }),
  builtIn(JobModel, { statusSubresource: true, fieldLabels: sameNames('status.successful') }),
  builtIn(StorageClassModel, { shortNames: ['sc'] }),
  builtIn(NetworkAttachmentDefinitionModel, {
    singular: 'network-attachment-definition',
    shortNames: ['net-attach-def'],
  }),
  builtIn(VirtualMachineModel, { shortNames: ['vm', 'vms'], statusSubresource: true }),
  builtIn(VirtualMachineInstanceModel, {
    shortNames: ['vmi', 'vmis'],
    statusSubresource: true,
  }),
  builtIn(VirtualMachineInstancetypeModel, {
    shortNames: ['vminstancetype', 'vminstancetypes', 'vmf', 'vmfs'],
  }),
  builtIn(VirtualMachineClusterInstancetypeModel, {
    shortNames: ['vmclusterinstancetype', 'vmclusterinstancetypes', 'vmcf', 'vmcfs'],
  }),
  builtIn(DataVolumeModel, { shortNames: ['dv', 'dvs'], statusSubresource: true }),
  builtIn(CDIConfigModel, { statusSubresource: true }),
  builtIn(UploadTokenRequestModel, { createOnly: true }),
];

type CrdVersion = {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: JsonSchema };
  subresources?: { status?: object };
  selectableFields?: { jsonPath: string }[];
};

type Crd = {
  spec: {
    group: string;
    names: {
      kind: string;
      plural: string;
      singular?: string;
      shortNames?: string[];
      categories?: string[];
    };
    scope: 'Namespaced' | 'Cluster';
    versions: CrdVersion[];
  };
};

export const kindsFromCrd = (crd: Crd): Kind[] =>
  crd.spec.versions
    .filter((version) => version.served !== false)
    .map((version) => ({
      group: crd.spec.group,
      version: version.name,
      kind: crd.spec.names.kind,
      plural: crd.spec.names.plural,
      singular: crd.spec.names.singular ?? crd.spec.names.kind.toLowerCase(),
      namespaced: crd.spec.scope === 'Namespaced',
      shortNames: crd.spec.names.shortNames ?? [],
      categories: crd.spec.names.categories ?? [],
      statusSubresource: Boolean(version.subresources?.status),
      fieldLabels: sameNames(
        ...(version.selectableFields ?? []).map(({ jsonPath }) => jsonPath.replace(/^\./, '')),
      ),
      schema: version.schema?.openAPIV3Schema,
    }));

export const FORKLIFT_CRD_DIR = fileURLToPath(
  new URL('../../../../deploy/crds/forklift/', import.meta.url),
);

export const loadCrdKinds = (dir: string = FORKLIFT_CRD_DIR): Kind[] =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => kindsFromCrd(yaml.load(readFileSync(path.join(dir, file), 'utf8')) as Crd));

export type KindRegistry = {
  all: Kind[];
  find(group: string, version: string, plural: string): Kind | undefined;
};

export const createKindRegistry = (kinds: Kind[]): KindRegistry => {
  const byPath = new Map(
    kinds.map((kind) => [`${kind.group}/${kind.version}/${kind.plural}`, kind]),
  );
  return {
    all: kinds,
    find: (group, version, plural) => byPath.get(`${group}/${version}/${plural}`),
  };
};
