// The data directory holds the API server's database, its CA key and the administrator's
// credentials: whoever can read them is cluster administrator. So the directory is the owner's
// only (0700) and so is each file in it (0600), on creation and again on every start, because a
// directory made by an older version or copied around may have been readable by others.
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';

export const ensurePrivateDirectory = (dir: string): void => {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
};

/** Makes an existing file the owner's only; a file that does not exist (yet) is fine. */
export const restrictToOwner = (file: string): void => {
  try {
    chmodSync(file, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
};

/**
 * Writes `file` with mode 0600 through a temporary file and a rename, so a reader (kubectl, a
 * second start) sees the old or the new content, never half of it, and never a readable copy.
 */
export const writePrivateFile = (file: string, content: string): void => {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
};
