/** A creation time as the console shows it: the largest whole unit, e.g. "3d", "5h", "42s". */
export const formatAge = (timestamp: string | undefined, now: number): string => {
  if (!timestamp) return '-';
  const created = Date.parse(timestamp);
  if (Number.isNaN(created)) return '-';
  const seconds = Math.max(0, Math.floor((now - created) / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
};
