// CDI's cluster-wide CDIConfig `config`, as CDI's config controller keeps it: its status says where
// clients upload (`uploadProxyURL`, a host without scheme, as CDI writes the route's host) and the
// CA the proxy's certificate chains to (`uploadProxyCA`).
import type { CustomObjectsApi } from '@kubernetes/client-node';
import { CDIConfigModel } from '@forklift-console/api';
import { isApiError } from '@forklift-console/controller-runtime';

export const CDI_CONFIG_NAME = 'config';

type CdiConfig = {
  metadata?: { name?: string; resourceVersion?: string };
  spec?: object;
  status?: Record<string, unknown>;
};

const { group, version, plural } = CDIConfigModel;

const readOrCreate = async (custom: CustomObjectsApi): Promise<CdiConfig> => {
  try {
    return (await custom.getClusterCustomObject({
      group,
      version,
      plural,
      name: CDI_CONFIG_NAME,
    })) as CdiConfig;
  } catch (error) {
    if (!isApiError(error, 404)) throw error;
  }
  try {
    return (await custom.createClusterCustomObject({
      group,
      version,
      plural,
      body: {
        apiVersion: `${group}/${version}`,
        kind: CDIConfigModel.kind,
        metadata: { name: CDI_CONFIG_NAME },
        spec: {},
      },
    })) as CdiConfig;
  } catch (error) {
    if (!isApiError(error, 409)) throw error;
    return readOrCreate(custom);
  }
};

/** Publishes where the upload proxy listens and its CA; a conflict is retried. */
export const publishUploadProxy = async (
  custom: CustomObjectsApi,
  { address, caCertificate }: { address: string; caCertificate: string },
): Promise<void> => {
  for (let attempt = 0; ; attempt += 1) {
    const config = await readOrCreate(custom);
    try {
      await custom.replaceClusterCustomObjectStatus({
        group,
        version,
        plural,
        name: CDI_CONFIG_NAME,
        body: {
          ...config,
          status: { ...config.status, uploadProxyURL: address, uploadProxyCA: caCertificate },
        },
      });
      return;
    } catch (error) {
      if (!isApiError(error, 409) || attempt >= 5) throw error;
    }
  }
};
