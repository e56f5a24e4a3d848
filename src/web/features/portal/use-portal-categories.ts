import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PortalCategory } from '../../../shared/portal';
import { listPortalCategories } from '../../api';

/** The sections in the account's scope (those whose articles it sees and, by role, writes). */
export function usePortalCategories(): PortalCategory[] {
  const query = useQuery({ queryKey: ['portal-categories'], queryFn: ({ signal }) => listPortalCategories(signal), staleTime: 300_000 });
  return useMemo(() => (query.data?.items ?? []).filter((c) => c.inScope), [query.data]);
}
