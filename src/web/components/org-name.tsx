import { Anchor, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { getOrg } from '../api';

export function useOrgQuery(id: number | null | undefined) {
  return useQuery({
    queryKey: ['org', id],
    queryFn: ({ signal }) => getOrg(id as number, signal),
    enabled: typeof id === 'number' && id > 0,
    staleTime: 300_000,
    retry: false,
  });
}

/** A name with the ancestors that tell same-named organisations apart, dimmed below it (`Chi bộ Khoa Nhi` / `Đảng bộ Bệnh viện tỉnh`). */
export function OrgWithAncestors({ name, ancestorNames }: { name: string; ancestorNames: readonly string[] }) {
  return (
    <>
      {name}
      {ancestorNames.length > 0 ? (
        <Text component="span" display="block" size="xs" c="dimmed">
          {ancestorNames.join(' — ')}
        </Text>
      ) : null}
    </>
  );
}

/** An organisation's name from its id, linked to its page; outside the user's scope it says so. */
export function OrgName({ id, link = true, known }: { id: number | null | undefined; link?: boolean; known?: string | null }) {
  const org = useOrgQuery(known ? null : id);
  if (id === null || id === undefined) return <>—</>;
  const name = known ?? org.data?.name;
  if (name === undefined) {
    if (org.isError)
      return (
        <Text span c="dimmed" size="inherit">
          Tổ chức ngoài phạm vi
        </Text>
      );
    return (
      <Text span c="dimmed" size="inherit">
        …
      </Text>
    );
  }
  if (!link) return <>{name}</>;
  return (
    <Anchor component={Link} to={`/to-chuc/${id}`} size="inherit">
      {name}
    </Anchor>
  );
}
