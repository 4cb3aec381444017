// client-node reports API failures as ApiException with the server's Status in the body; the BFF
// answers with the same code and the server's own message so the user sees what Kubernetes said.
import { ApiException } from '@kubernetes/client-node';

export type KubeFailure = { statusCode: number; message: string; reason?: string };

const parseStatus = (body: unknown): { message?: string; reason?: string } => {
  if (typeof body === 'string') {
    try {
      return parseStatus(JSON.parse(body));
    } catch {
      return { message: body };
    }
  }
  if (body && typeof body === 'object') {
    const { message, reason } = body as { message?: unknown; reason?: unknown };
    return {
      message: typeof message === 'string' ? message : undefined,
      reason: typeof reason === 'string' ? reason : undefined,
    };
  }
  return {};
};

export const toKubeFailure = (error: unknown): KubeFailure | undefined => {
  if (!(error instanceof ApiException)) return undefined;
  const { message, reason } = parseStatus(error.body);
  return {
    statusCode: typeof error.code === 'number' && error.code >= 400 ? error.code : 502,
    message: message ?? `The Kubernetes API answered ${error.code}`,
    reason,
  };
};
