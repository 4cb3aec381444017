// For tests that boot a VM: a tiny bootable disk whose boot shows on the serial console.

/**
 * A 512-byte boot sector, hand-assembled 16-bit code the BIOS loads at 0x7c00: it writes `line`
 * and CR LF to COM1 (out to port 0x3f8, one byte at a time), then halts for ever. Padded to 1 MiB.
 */
export const bootDisk = (line: string): Buffer => {
  const code = [
    ...[0xfa], // cli
    ...[0x31, 0xc0, 0x8e, 0xd8], // xor ax, ax; mov ds, ax
    ...[0xfc], // cld
    ...[0xba, 0xf8, 0x03], // mov dx, 0x3f8
    ...[0xbe, 0x17, 0x7c], // mov si, 0x7c17 (the text, right after this code)
    ...[0xac], // next: lodsb
    ...[0x84, 0xc0], // test al, al
    ...[0x74, 0x03], // jz done
    ...[0xee], // out dx, al
    ...[0xeb, 0xf8], // jmp next
    ...[0xf4], // done: hlt
    ...[0xeb, 0xfd], // jmp done
  ];
  const text = Buffer.from(`${line}\r\n\0`, 'ascii');
  if (code.length !== 0x17 || code.length + text.length > 510) throw new Error('line too long');
  const disk = Buffer.alloc(1 << 20);
  Buffer.from(code).copy(disk);
  text.copy(disk, code.length);
  disk[510] = 0x55;
  disk[511] = 0xaa;
  return disk;
};
