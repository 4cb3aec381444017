// virt-v2v's own error messages in a conversion pod's log: each starts `virt-v2v: error: ` (or
// `virt-v2v-in-place: error: `, …) and runs on, wrapped, until the blank line after it.
const ERROR_START = /^virt-v2v[\w-]*: error: /;

/** The errors virt-v2v printed, one string each, their wrapped lines joined. */
export const virtV2vErrors = (log: string): string[] => {
  const errors: string[] = [];
  let current: string[] | undefined;
  for (const line of log.split('\n')) {
    if (ERROR_START.test(line)) {
      current = [line.trim()];
      errors.push('');
    } else if (current && line.trim() !== '') {
      current.push(line.trim());
    } else {
      current = undefined;
    }
    if (current) errors[errors.length - 1] = current.join(' ');
  }
  return [...new Set(errors)];
};
