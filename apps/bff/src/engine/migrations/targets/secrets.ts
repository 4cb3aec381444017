// The per-VM Secrets (reference engine.md §8.1, §8.5): CDI's copy of the provider credentials for
// the VDDK DataVolume source, and the conversion pod's, whose keys the pod reads as `V2V_<key>`
// variables (envFrom with the `V2V_` prefix) and as files under /etc/secret. Credentials live only
// in Secret data, never in a label, an annotation or a pod's own env values.
import type { V1Secret } from '@kubernetes/client-node';
import { vmGenerateName, vmLabels, type TargetContext } from './context.ts';

/** The provider Secret's values, `data` decoded and `stringData` over it. */
export const secretValues = (secret: V1Secret | undefined): Record<string, string> => ({
  ...Object.fromEntries(
    Object.entries(secret?.data ?? {}).map(([key, value]) => [
      key,
      Buffer.from(value, 'base64').toString(),
    ]),
  ),
  ...secret?.stringData,
});

const encoded = (values: Record<string, string | undefined>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values).flatMap(([key, value]) =>
      value === undefined ? [] : [[key, Buffer.from(value).toString('base64')]],
    ),
  );

/** A per-VM Secret in the target namespace; `role` is Forklift's label for what it is for. */
export const perVmSecret = (
  ctx: TargetContext,
  role: string,
  values: Record<string, string | undefined>,
): V1Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: {
    generateName: vmGenerateName(ctx),
    namespace: ctx.targetNamespace,
    labels: { ...vmLabels(ctx), [role]: 'true' },
  },
  type: 'Opaque',
  data: encoded(values),
});

/** CDI's Secret for the VM's DataVolumes: the vCenter user and password, and its thumbprint. */
export const dataVolumeSecret = (
  ctx: TargetContext,
  providerSecret: V1Secret | undefined,
): V1Secret => {
  const provider = secretValues(providerSecret);
  return perVmSecret(ctx, 'isDV', {
    accessKeyId: provider.user,
    secretKey: provider.password,
    thumbprint: ctx.sourceProvider.status?.fingerprint,
  });
};
