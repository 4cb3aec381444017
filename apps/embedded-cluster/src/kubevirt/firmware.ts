// BIOS (SeaBIOS, built into qemu) or EFI from Debian's `ovmf` package: its code image read-only
// and a private copy of its variable store per VMI, kept in the VMI's run folder.
import { copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Firmware, Refusal } from './qemu-command.ts';
import type { VirtualMachineInstance } from './types.ts';

/** Where Debian's `ovmf` package installs its images. */
export const DEBIAN_OVMF_DIR = '/usr/share/OVMF';

const exists = async (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

export const resolveFirmware = async (
  vmi: VirtualMachineInstance,
  ovmfDir: string,
  efiVars: string,
): Promise<Firmware | Refusal> => {
  const efi = vmi.spec.domain.firmware?.bootloader?.efi;
  if (!efi) return { kind: 'bios' };
  // KubeVirt's EFI boots with Secure Boot unless the spec turns it off.
  const secureBoot = efi.secureBoot !== false;
  const code = path.join(ovmfDir, secureBoot ? 'OVMF_CODE_4M.secboot.fd' : 'OVMF_CODE_4M.fd');
  const varsTemplate = path.join(ovmfDir, secureBoot ? 'OVMF_VARS_4M.ms.fd' : 'OVMF_VARS_4M.fd');
  if (!(await exists(code)) || !(await exists(varsTemplate))) {
    return {
      reason: 'EFIFirmwareMissing',
      message: `EFI firmware ${path.basename(code)} is not installed in ${ovmfDir}: apt-get install ovmf`,
    };
  }
  if (!(await exists(efiVars))) await copyFile(varsTemplate, efiVars);
  return { kind: 'efi', code, vars: efiVars, secureBoot };
};
