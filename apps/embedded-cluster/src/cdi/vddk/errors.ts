// Why a vddk source could not be resolved, in words for the DataVolume's condition and events.
// `reason` is a CamelCase word for the condition's reason; the message never holds a password.
export type VddkFailure =
  | 'InvalidSource'
  | 'SecretNotFound'
  | 'Connection'
  | 'ThumbprintMismatch'
  | 'InvalidLogin'
  | 'VMNotFound'
  | 'FileNotFound'
  | 'UnsupportedDisk';

export class VddkSourceError extends Error {
  readonly reason: VddkFailure;

  constructor(reason: VddkFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}
