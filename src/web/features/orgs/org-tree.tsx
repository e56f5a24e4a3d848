import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { allowedChildKinds, orgKindLabels } from '../../../shared/org';
import type { OrgKind } from '../../../shared/org';
import { formatNumber } from '../../../shared/vietnamese';
import { listOrgs, listOrgsAsOf } from '../../api';
import { ErrorState } from '../../components/page-state';

export interface TreeNode {
  id: number;
  name: string;
  kind: OrgKind;
  /** Unknown in the as-of view: the node can be opened if its kind may have children. */
  childCount: number | null;
  memberCount: number | null;
  active: boolean;
}

interface TreeOptions {
  asOf: string | null;
  includeDissolved: boolean;
}

function useChildren(parentId: number | null, options: TreeOptions, enabled: boolean) {
  return useQuery({
    queryKey: ['orgs', 'tree', parentId, options.asOf, options.includeDissolved],
    enabled,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<TreeNode[]> => {
      const query = parentId === null ? {} : { parentId };
      if (options.asOf) {
        const items = await listOrgsAsOf({ ...query, asOf: options.asOf }, signal);
        // The tree as of a past day has no counts.
        return items.map((item) => ({ id: item.id, name: item.name, kind: item.kind, childCount: null, memberCount: null, active: true }));
      }
      const items = await listOrgs({ ...query, includeDissolved: options.includeDissolved }, signal);
      return items.map((item) => ({
        id: item.id,
        name: item.name,
        kind: item.kind,
        childCount: item.childCount,
        memberCount: item.memberCount,
        active: item.active,
      }));
    },
  });
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }}>
      <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function orgLink(id: number, asOf: string | null): string {
  return asOf ? `/to-chuc/${id}?ngay=${asOf}` : `/to-chuc/${id}`;
}

function TreeItem({ node, options, level, startOpen }: { node: TreeNode; options: TreeOptions; level: number; startOpen: boolean }) {
  const canHaveChildren = node.childCount === null ? allowedChildKinds[node.kind].length > 0 : node.childCount > 0;
  const [open, setOpen] = useState(startOpen && canHaveChildren);
  const children = useChildren(node.id, options, open && canHaveChildren);
  const groupId = `org-children-${node.id}`;
  return (
    <li>
      <Group gap={6} wrap="nowrap" py={3} align="center">
        {canHaveChildren ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls={groupId}
            aria-label={`${open ? 'Thu gọn' : 'Mở rộng'} ${node.name}`}
          >
            <Chevron open={open} />
          </ActionIcon>
        ) : (
          <span style={{ width: 22, display: 'inline-block', flex: 'none' }} aria-hidden="true" />
        )}
        <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
          <Anchor component={Link} to={orgLink(node.id, options.asOf)} fw={level <= 1 ? 600 : 500} size="sm" c={node.active ? undefined : 'dimmed'}>
            {node.name}
          </Anchor>
          <Badge size="xs" variant="light" color="gray" radius="sm">
            {orgKindLabels[node.kind]}
          </Badge>
          {!node.active ? (
            <Badge size="xs" variant="outline" color="red" radius="sm">
              Đã giải thể
            </Badge>
          ) : null}
          {node.memberCount !== null ? (
            <Text size="xs" c="dimmed">
              {formatNumber(node.memberCount)} đảng viên
            </Text>
          ) : null}
        </Group>
      </Group>
      {open ? (
        <ul className="tree-children" id={groupId}>
          {children.isPending ? (
            <li>
              <Group gap="xs" py={4} pl={28}>
                <Loader size="xs" aria-hidden="true" />
                <Text size="xs" c="dimmed">
                  Đang tải…
                </Text>
              </Group>
            </li>
          ) : null}
          {children.isError ? (
            <li>
              <ErrorState error={children.error} onRetry={() => children.refetch()} />
            </li>
          ) : null}
          {children.data?.length === 0 ? (
            <li>
              <Text size="xs" c="dimmed" py={4} pl={28}>
                Không có tổ chức trực thuộc.
              </Text>
            </li>
          ) : null}
          {children.data?.map((child) => (
            <TreeItem key={child.id} node={child} options={options} level={level + 1} startOpen={children.data.length === 1} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The organisation tree from the top of the user's scope; children load when a node is opened. */
export function OrgTree({ asOf, includeDissolved }: TreeOptions) {
  const options = { asOf, includeDissolved };
  const roots = useChildren(null, options, true);
  if (roots.isPending)
    return (
      <Group gap="xs" py="md" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text c="dimmed">Đang tải cây tổ chức…</Text>
      </Group>
    );
  if (roots.isError) return <ErrorState error={roots.error} onRetry={() => roots.refetch()} />;
  if (roots.data.length === 0) return <Text c="dimmed">{asOf ? 'Không có tổ chức nào vào ngày này.' : 'Không có tổ chức nào trong phạm vi.'}</Text>;
  return (
    <ul className="tree-root" aria-label="Cây tổ chức đảng">
      {roots.data.map((node) => (
        <TreeItem key={node.id} node={node} options={options} level={1} startOpen={roots.data.length === 1} />
      ))}
    </ul>
  );
}
