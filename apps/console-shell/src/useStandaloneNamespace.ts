import { useCallback, useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  namespaceOfPath,
  pathInNamespace,
} from '@forklift-console/console-plugin/utils/resource-paths.ts';

const STORAGE_KEY = 'forklift-console/active-namespace';
const ALL_NAMESPACES = '#ALL_NS#';

const remembered = (): string | undefined => {
  const value = window.localStorage.getItem(STORAGE_KEY);
  return value && value !== ALL_NAMESPACES ? value : undefined;
};

/**
 * The active project as the console keeps it: in the URL on resource pages, remembered (per
 * browser) on pages without one. Choosing a project on a resource page moves to that project.
 */
export const useStandaloneNamespace = () => {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [stored, setStored] = useState(remembered);
  const fromPath = pathInNamespace(pathname, undefined) ? namespaceOfPath(pathname) : stored;

  useEffect(() => {
    if (fromPath !== stored) setStored(fromPath);
    window.localStorage.setItem(STORAGE_KEY, fromPath ?? ALL_NAMESPACES);
  }, [fromPath, stored]);

  const setActiveNamespace = useCallback(
    (namespace: string | undefined) => {
      setStored(namespace);
      const target = pathInNamespace(pathname, namespace);
      if (target) navigate(target);
    },
    [navigate, pathname],
  );

  return [fromPath, setActiveNamespace] as const;
};
