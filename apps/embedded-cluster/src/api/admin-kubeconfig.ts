// DATA_DIR/kubeconfig: how the administrator reaches the embedded API server, for kubectl and for
// the BFF alike. Rewritten at every start because the port may change (port 0 picks a free one).
import path from 'node:path';
import yaml from 'js-yaml';
import type { CertifiedKey } from './certificates.ts';
import { writePrivateFile } from './private-files.ts';

const base64 = (text: string) => Buffer.from(text).toString('base64');

export const writeAdminKubeconfig = (
  dataDir: string,
  { url, caCertificate, admin }: { url: string; caCertificate: string; admin: CertifiedKey },
): string => {
  const file = path.join(dataDir, 'kubeconfig');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: 'forklift-embedded',
        cluster: { server: url, 'certificate-authority-data': base64(caCertificate) },
      },
    ],
    users: [
      {
        name: 'forklift-embedded-admin',
        user: {
          'client-certificate-data': base64(admin.certificate),
          'client-key-data': base64(admin.key),
        },
      },
    ],
    contexts: [
      {
        name: 'forklift-embedded',
        context: { cluster: 'forklift-embedded', user: 'forklift-embedded-admin' },
      },
    ],
    'current-context': 'forklift-embedded',
  };
  writePrivateFile(file, yaml.dump(config));
  return file;
};
