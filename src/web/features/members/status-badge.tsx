import { Badge } from '@mantine/core';
import { memberStatusLabels } from '../../../shared/member';
import type { MemberStatus } from '../../../shared/member';
import { statusColor } from './member-labels';

const shortLabels: Partial<Record<MemberStatus, string>> = { full: 'Chính thức', probationary: 'Dự bị' };

/** Status as a badge; the short form fits table columns, the title keeps the full label. */
export function StatusBadge({ status, short = false }: { status: MemberStatus; short?: boolean }) {
  const label = (short ? shortLabels[status] : undefined) ?? memberStatusLabels[status] ?? 'Không rõ';
  return (
    <Badge
      variant="light"
      color={statusColor(status)}
      radius="sm"
      tt="none"
      fw={600}
      title={memberStatusLabels[status]}
      styles={{ label: { overflow: 'visible' } }}
    >
      {label}
    </Badge>
  );
}
