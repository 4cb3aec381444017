// The standalone console's access token, in the manner of Jupyter and code-server: made once,
// kept in the data directory where only the user who started the app can read it, and printed in
// the console URL at start.
import { randomBytes } from 'node:crypto';
import { chmod, link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const ACCESS_TOKEN_FILE = 'access-token';

/** The token in DATA_DIR/access-token, made on the first start (mode 0600). */
export const ensureAccessToken = async (dataDir: string): Promise<string> => {
  const file = path.join(dataDir, ACCESS_TOKEN_FILE);
  const existing = await readToken(file);
  if (existing) return existing;
  const token = randomBytes(32).toString('base64url');
  // Written whole under a private name, then linked into place without overwriting: two starts at
  // once agree on one token, and a crash never leaves an empty or partial token file.
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  await writeFile(partial, `${token}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await link(partial, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(partial, { force: true });
  }
  const stored = await readToken(file);
  if (!stored) throw new Error(`${file} is empty: delete it and start again`);
  return stored;
};

const readToken = async (file: string): Promise<string | undefined> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  // A copy restored from a backup may have lost its mode; the token must stay private.
  await chmod(file, 0o600);
  return text.trim() || undefined;
};
