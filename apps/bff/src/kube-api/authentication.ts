// Who is calling. Without credentials the caller is the local administrator (the person who
// started the app); bearer tokens come from DATA_DIR/tokens.csv in kube-apiserver's
// --token-auth-file format (`token,user,uid,"group1,group2"`), so other users can be tried out
// against RBAC exactly as on a cluster.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type UserInfo = { username: string; groups: string[] };

export const LOCAL_ADMIN: UserInfo = {
  username: 'local-admin',
  groups: ['system:masters', 'system:authenticated'],
};

const BEARER = /^Bearer\s+(\S+)$/i;

const parseTokenFile = (text: string): Map<string, UserInfo> => {
  const users = new Map<string, UserInfo>();
  for (const line of text.split('\n')) {
    const match = /^([^,#\s][^,]*),([^,]+),([^,]*)(?:,"?([^"]*)"?)?\s*$/.exec(line.trim());
    if (!match) continue;
    const groups = (match[4] ?? '').split(',').filter(Boolean);
    users.set(match[1]!, { username: match[2]!, groups: [...groups, 'system:authenticated'] });
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

  /** The caller, or undefined when the credentials are not valid (answer 401). */
  return (authorization: string | undefined): UserInfo | undefined => {
    if (!authorization) return LOCAL_ADMIN;
    const token = BEARER.exec(authorization)?.[1];
    return token ? users().get(token) : undefined;
  };
};
