// A disk image the CDI importer reads over HTTP(S): where it is and how to be let in. The `http`
// source gives one directly; the `vddk` source resolves to one on the datastore HTTPS interface of
// the vCenter or ESXi named, since VMware's VDDK cannot exist here.
export type RemoteImage = {
  url: string;
  /**
   * Set when the source says the bytes are a raw disk of this many bytes (a vSphere flat extent):
   * they are then copied as they are, not probed, since a raw disk's guest may have written
   * anything, a qcow2 header too, at its start.
   */
  rawSizeBytes?: number;
  /** Sent with every request: a session cookie, extra headers of the DataVolume. */
  headers: Record<string, string>;
  /** PEM bundle the server's certificate must chain to; the system's CAs when absent. */
  ca?: string;
  insecureSkipVerify?: boolean;
  basicAuth?: { user: string; password: string };
  /** Said in the DataVolume's Running condition while importing, e.g. that VDDK was not used. */
  note?: string;
  /** Ends what reading it needed (the vSphere session of a `vddk` source) once the import ends. */
  release?: () => Promise<void>;
};
