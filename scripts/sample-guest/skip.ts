// Why a sample-guest test cannot run on this machine (a tool missing, named with its Debian
// package, or not root, which debootstrap needs), or false when it can.
import { execFileSync } from 'node:child_process';

const commandMissing = (command: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
};

export const conversionSkipReason = (): string | false => {
  const missing = [
    ['debootstrap', 'debootstrap'],
    ['virt-v2v', 'virt-v2v'],
    ['nbdcopy', 'libnbd-bin'],
    ['qemu-img', 'qemu-utils'],
    ['qemu-system-x86_64', 'qemu-system-x86'],
  ].filter(([command]) => commandMissing(command!));
  if (missing.length > 0) {
    return `needs ${missing.map(([command]) => command).join(', ')} (apt-get install ${missing.map(([, pkg]) => pkg).join(' ')})`;
  }
  if (process.getuid?.() !== 0) return 'builds the sample guest with debootstrap, which needs root';
  return false;
};
