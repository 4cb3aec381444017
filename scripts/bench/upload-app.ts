// The standalone app's process as the upload bench watches it, through Linux's /proc: its CPU
// time and its resident memory, sampled while a request runs.
import { readFileSync } from 'node:fs';

// Linux reports CPU times in USER_HZ ticks, 100 a second on every architecture it runs on.
const USER_HZ = 100;

/**
 * User plus system CPU time in the text of /proc/<pid>/stat (fields 14 and 15), in seconds; the
 * command name before them may hold anything, even spaces and parentheses.
 */
export const cpuSecondsOf = (statText: string): number => {
  const fields = statText.slice(statText.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
};

/** The VmRSS line of /proc/<pid>/status, in bytes. */
export const residentBytesOf = (statusText: string): number => {
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(statusText)?.[1];
  if (kib === undefined) throw new Error('the process status has no VmRSS line');
  return Number(kib) * 1024;
};

const readProc = (pid: number, file: string) => readFileSync(`/proc/${pid}/${file}`, 'utf8');

export const residentBytes = (pid: number): number => residentBytesOf(readProc(pid, 'status'));

export const cpuSeconds = (pid: number): number => cpuSecondsOf(readProc(pid, 'stat'));

/** Samples a process's RSS every `intervalMs` until stopped; returns the largest sample. */
export const startRssSampler = (pid: number, intervalMs: number) => {
  let peak = residentBytes(pid);
  const sample = () => {
    try {
      peak = Math.max(peak, residentBytes(pid));
    } catch {
      // The process ended: nothing more to sample, and whoever waits on it hears of its end.
    }
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
};
