import type { FC } from 'react';
import { Navigate } from 'react-router';
import { visibleItems, type NavSection } from './navigation.ts';
import { useShellFlags } from './useShellFlags.ts';

/** Where an unknown path leads: the first page this user may see. */
export const ShellHome: FC<{ sections: NavSection[] }> = ({ sections }) => {
  const flags = useShellFlags();
  const first = visibleItems(sections[0]?.items ?? [], flags)[0];
  return <Navigate to={first?.href(undefined) ?? '/'} replace />;
};
