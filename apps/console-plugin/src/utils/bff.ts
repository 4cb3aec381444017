/** An error the BFF answered, with its own message (it names the field or resource at fault). */
export class BffError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export const fetchBffJson = async <T>(bffBaseUrl: string, path: string): Promise<T> => {
  const response = await fetch(`${bffBaseUrl}${path}`, { headers: { accept: 'application/json' } });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { message?: string } | undefined;
    throw new BffError(
      response.status,
      body?.message ?? `${response.status} ${response.statusText}`,
    );
  }
  return (await response.json()) as T;
};
