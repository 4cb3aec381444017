import { useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { fetchBffJson } from '../../../utils/bff.ts';
import type { TlsCertificate } from '@forklift-console/api';

/**
 * The certificate chain an https endpoint presents, leaf first, read afresh each time it is asked
 * for: a certificate is trusted on what the endpoint shows now, never on a cached answer.
 */
export const useTlsCertificates = (url: string, namespace: string) => {
  const { bffBaseUrl } = useConsoleHost();
  return useQuery({
    queryKey: ['tls-certificate', namespace, url],
    queryFn: async () =>
      (
        await fetchBffJson<{ certificates: TlsCertificate[] }>(
          bffBaseUrl,
          `/api/v1/tls-certificate?url=${encodeURIComponent(url)}&namespace=${encodeURIComponent(namespace)}`,
        )
      ).certificates,
    gcTime: 0,
    staleTime: 0,
    retry: false,
  });
};
