// The connection test of a remote OpenShift provider: a SelfSubjectReview with the Secret's token
// (it needs no rights but a valid token) tells a rejected token from an API server that cannot be
// reached or whose certificate is not trusted. A failure becomes the condition that says what to
// fix, without the token in it.
import { AuthenticationV1Api } from '@kubernetes/client-node';
import { kubeConfigForRemoteCluster, type RemoteCluster } from '../../kube/remote-cluster.ts';
import type { ConditionInput } from '../conditions.ts';
import {
  CERTIFICATE_PROBLEM,
  CONNECTION_TEST_TIMEOUT_MS,
  type ConnectionTestResult,
} from './connection-test.ts';

const failed = (message: string): ConnectionTestResult => ({
  ok: false,
  condition: { type: 'ConnectionTestFailed', category: 'Critical', reason: 'Tested', message },
});

const authFailed = (message: string): ConditionInput => ({
  type: 'ConnectionAuthFailed',
  category: 'Critical',
  reason: 'Tested',
  message,
});

/** The innermost cause's message: fetch wraps socket and TLS errors. */
const causeOf = (error: unknown): string => {
  let current = error as { message?: string; cause?: unknown } | undefined;
  const messages: string[] = [];
  while (current) {
    if (current.message) messages.push(current.message);
    current = current.cause as typeof current;
  }
  return messages.join(': ');
};

export const describeOpenshiftFailure = (error: unknown, url: string): ConnectionTestResult => {
  const code = (error as { code?: unknown }).code;
  const host = URL.canParse(url) ? new URL(url).host : url;
  if (code === 401) {
    return {
      ok: false,
      condition: authFailed(`The API server at ${host} rejected the token (401 Unauthorized).`),
    };
  }
  if (typeof code === 'number') {
    return failed(`The API server at ${host} answered the connection test with HTTP ${code}.`);
  }
  const cause = causeOf(error);
  if (CERTIFICATE_PROBLEM.test(cause)) {
    return failed(
      `The TLS certificate of ${host} is not trusted (${cause.split(';')[0]}). Put the CA certificate in the Secret's cacert, or skip certificate verification.`,
    );
  }
  if (/ECONNREFUSED/.test(cause))
    return failed(`Could not connect to ${host}: connection refused.`);
  if (/ENOTFOUND|EAI_AGAIN/.test(cause)) return failed(`Could not resolve the host name ${host}.`);
  return failed(`Could not connect to ${host}: ${cause}`);
};

export const testOpenshiftConnection = async (
  cluster: RemoteCluster,
  timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
): Promise<ConnectionTestResult> => {
  const api = kubeConfigForRemoteCluster(cluster).makeApiClient(AuthenticationV1Api);
  let timer: NodeJS.Timeout | undefined;
  try {
    const review = api.createSelfSubjectReview({
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
    });
    await Promise.race([review, timeout]);
    return { ok: true };
  } catch (error) {
    return describeOpenshiftFailure(error, cluster.url);
  } finally {
    clearTimeout(timer);
  }
};
