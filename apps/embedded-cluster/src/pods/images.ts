// The one table of container images the pod runner can run on this machine, by repository (any tag
// or digest): Forklift's conversion image, under the names ForkliftController's
// `virt_v2v_image_fqin` takes upstream and downstream, and its hook runner. Every other image is
// refused visibly (ImageNotRunnableLocally): this machine has no container runtime.
export type LocalRunner = 'virt-v2v' | 'hook-runner';

const RUNNABLE_REPOSITORIES: Record<string, LocalRunner> = {
  'quay.io/kubev2v/forklift-virt-v2v': 'virt-v2v',
  'registry.redhat.io/migration-toolkit-virtualization/mtv-virt-v2v-rhel8': 'virt-v2v',
  'registry.redhat.io/migration-toolkit-virtualization/mtv-virt-v2v-rhel9': 'virt-v2v',
  'quay.io/kubev2v/hook-runner': 'hook-runner',
};

/** `quay.io/kubev2v/hook-runner:v1@sha256:…` → `quay.io/kubev2v/hook-runner`. */
export const imageRepository = (image: string): string => {
  const withoutDigest = image.split('@')[0] ?? '';
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  // A colon after the last slash is a tag; before it, a registry port.
  return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
};

export const localRunnerFor = (image: string | undefined): LocalRunner | undefined =>
  image ? RUNNABLE_REPOSITORIES[imageRepository(image.trim())] : undefined;

export const RUNNABLE_IMAGE_LIST = Object.keys(RUNNABLE_REPOSITORIES).join(', ');
