// Seeds the sample estate on the first standalone start. It goes through the Kubernetes client like
// everything else; a marker in the data directory keeps a user's deletions from coming back.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiException, KubernetesObjectApi, type KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '../logging.ts';
import { sampleResources } from './sample-resources.ts';

const MARKER = 'seeded';

export const isSeeded = (dataDir: string): boolean => existsSync(path.join(dataDir, MARKER));

/** Creates every sample resource that is missing; returns the names it created. */
export const seedSampleResources = async (
  kubeConfig: KubeConfig,
  dataDir: string,
  logger: Logger,
): Promise<string[]> => {
  const client = KubernetesObjectApi.makeApiClient(kubeConfig);
  const created: string[] = [];
  for (const resource of sampleResources()) {
    const label = `${resource.kind}/${resource.metadata?.namespace ? `${resource.metadata.namespace}/` : ''}${resource.metadata?.name}`;
    try {
      await client.create(resource);
      created.push(label);
    } catch (error) {
      // A crash between seeding and writing the marker leaves some objects behind: keep them.
      if (!(error instanceof ApiException && error.code === 409)) throw error;
    }
  }
  await writeFile(path.join(dataDir, MARKER), `${new Date().toISOString()}\n`);
  logger.info({ created }, 'seeded sample resources');
  return created;
};
