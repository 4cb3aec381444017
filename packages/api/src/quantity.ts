// Kubernetes resource quantities of storage, as the API writes them ("10Gi", "500M", "1073741824").

const UNITS: Record<string, number> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
};

/** A Kubernetes quantity ("10Gi", "500M", "1073741824") in bytes, rounded up. */
export const quantityBytes = (quantity: string): number => {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/.exec(quantity.trim());
  if (!match) throw new Error(`not a storage quantity: ${quantity}`);
  return Math.ceil(Number(match[1]) * (UNITS[match[2] ?? ''] ?? 1));
};
