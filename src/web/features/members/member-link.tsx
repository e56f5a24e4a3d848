import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { getMember } from '../../api';

/** Loads the page's code and the record while the pointer or focus is on the link, so the page opens at once. */
export function usePrefetchMember(): (id: number) => void {
  const queryClient = useQueryClient();
  return (id: number) => {
    void import('./member-page');
    void queryClient.prefetchQuery({ queryKey: ['member', id], queryFn: ({ signal }) => getMember(id, signal), staleTime: 30_000 });
  };
}

export function MemberLink({ id, children, fw = 600 }: { id: number; children: ReactNode; fw?: number }) {
  const prefetch = usePrefetchMember();
  return (
    <Anchor component={Link} to={`/dang-vien/${id}`} fw={fw} onPointerEnter={() => prefetch(id)} onFocus={() => prefetch(id)}>
      {children}
    </Anchor>
  );
}
