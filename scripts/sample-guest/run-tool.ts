// Runs one build tool with its output kept in the build's log file, so the console shows only the
// steps while a failure still shows what the tool said.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';

/** The last lines of the log, to print under a failure. */
const tail = async (logFile: string, lines = 30) =>
  (await readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-lines).join('\n');

export const runTool = async (
  logFile: string,
  command: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string } = {},
): Promise<void> => {
  const log = createWriteStream(logFile, { flags: 'a' });
  log.write(`\n$ ${command} ${args.join(' ')}\n`);
  const child = spawn(command, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  child.stdin.end(options.input ?? '');
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  log.end();
  await finished(log);
  if (code !== 0) {
    throw new Error(
      `${command} ${args.slice(0, 3).join(' ')}… exited with ${code}; the end of its output (${logFile}):\n${await tail(logFile)}`,
    );
  }
};
