import { useRef, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useConsoleHost } from '../../../host/ConsoleHost.ts';
import { fetchBffJson, uploadBffFile, type UploadProgress } from '../../../utils/bff.ts';
import { providerApiPath } from './useProviderMutations.ts';

export type UploadedOva = { name: string; size: number };

/**
 * Sends one .ova into the provider's share with its progress. The inventory hears of the new file
 * from the BFF and pushes the change, so nothing is refetched here.
 */
export const useOvaUpload = (namespace: string, name: string) => {
  const { bffBaseUrl } = useConsoleHost();
  const [progress, setProgress] = useState<UploadProgress | undefined>();
  const controller = useRef<AbortController | undefined>(undefined);
  const limits = useQuery({
    queryKey: ['ova-files', 'limits'],
    queryFn: () => fetchBffJson<{ maxFileBytes: number }>(bffBaseUrl, '/api/v1/ova-files/limits'),
    staleTime: Infinity,
  });
  const mutation = useMutation({
    mutationFn: (file: File) => {
      controller.current = new AbortController();
      setProgress({ loaded: 0, total: file.size });
      return uploadBffFile<UploadedOva>(
        bffBaseUrl,
        `${providerApiPath(namespace, name)}/ova-files`,
        'file',
        file,
        { onProgress: setProgress, signal: controller.current.signal },
      );
    },
  });
  return {
    maxFileBytes: limits.data?.maxFileBytes,
    upload: mutation.mutate,
    cancel: () => controller.current?.abort(),
    reset: () => {
      mutation.reset();
      setProgress(undefined);
    },
    isUploading: mutation.isPending,
    progress,
    uploaded: mutation.data,
    error: mutation.error,
  };
};
