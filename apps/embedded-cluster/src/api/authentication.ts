// Who is calling, decided as kube-apiserver decides it with --client-ca-file, --token-auth-file
// and anonymous authentication on (its default):
// - a client certificate signed by the cluster CA is the user CN in the groups O (the
//   administrator's kubeconfig carries one with O=system:masters);
// - a bearer token from DATA_DIR/tokens.csv (`token,user,uid,"group1,group2"`, re-read when it
//   changes) is that user, so other users can be tried out against RBAC exactly as on a cluster;
// - a request with neither is system:anonymous in the group system:unauthenticated, and RBAC then
//   refuses it everything but what is granted to that user or group;
// - credentials that do not check out (a certificate from another CA, an unknown token) are 401.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type UserInfo = { username: string; uid?: string; groups: string[] };

export const ANONYMOUS: UserInfo = {
  username: 'system:anonymous',
  groups: ['system:unauthenticated'],
};

/** What a request presents: its Authorization header and the TLS client certificate, if any. */
export type Credentials = {
  authorization?: string;
  clientCertificate?: { verified: boolean; commonName?: string; organizations: string[] };
};

const BEARER = /^Bearer\s+(\S+)$/i;

const parseTokenFile = (text: string): Map<string, UserInfo> => {
  const users = new Map<string, UserInfo>();
  for (const line of text.split('\n')) {
    const match = /^([^,#\s][^,]*),([^,]+),([^,]*)(?:,"?([^"]*)"?)?\s*$/.exec(line.trim());
    if (!match) continue;
    const groups = (match[4] ?? '').split(',').filter(Boolean);
    users.set(match[1]!, {
      username: match[2]!,
      ...(match[3] ? { uid: match[3] } : {}),
      groups: [...groups, 'system:authenticated'],
    });
  }
  return users;
};

export const createAuthenticator = (dataDir: string) => {
  const file = path.join(dataDir, 'tokens.csv');
  let cached: { mtimeMs: number; users: Map<string, UserInfo> } | undefined;

  // Re-read when the file changes, so adding a user needs no restart.
  const users = (): Map<string, UserInfo> => {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      return new Map();
    }
    if (cached?.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, users: parseTokenFile(readFileSync(file, 'utf8')) };
    }
    return cached.users;
  };

  /** The caller, or undefined when the credentials it presents are not valid (answer 401). */
  return ({ authorization, clientCertificate }: Credentials): UserInfo | undefined => {
    if (clientCertificate?.verified && clientCertificate.commonName) {
      return {
        username: clientCertificate.commonName,
        groups: [...clientCertificate.organizations, 'system:authenticated'],
      };
    }
    // Like kube-apiserver, an Authorization header of another scheme (Basic) is no credential.
    const token = authorization ? BEARER.exec(authorization)?.[1] : undefined;
    if (token !== undefined) return users().get(token);
    return clientCertificate ? undefined : ANONYMOUS;
  };
};
