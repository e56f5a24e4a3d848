import type { Address, MemberListItem, MemberPage, MemberStatus } from '../../../shared/member';
import { orgPathLabel } from '../../../shared/org';
import type { SearchOption } from '../../components/search-select';
import { showDate } from '../../format';

/** A member as a picker lists them: the name, then the cell with the ancestors that tell same-named cells apart. */
export function memberPickLabel(m: Pick<MemberListItem, 'fullName' | 'orgName' | 'orgAncestorNames'>): string {
  return `${m.fullName} — ${orgPathLabel(m.orgName, m.orgAncestorNames)}`;
}

/** The options of a member picker (`SearchSelect`); the form keeps the name. */
export function memberOptions(page: MemberPage): SearchOption[] {
  return page.items.map((m) => ({ id: m.id, name: m.fullName, label: memberPickLabel(m) }));
}

export function statusColor(status: MemberStatus): string {
  switch (status) {
    case 'full':
      return 'green';
    case 'probationary':
      return 'yellow';
    case 'transferred_out':
      return 'gray';
    case 'deceased':
      return 'dark';
    default:
      return 'red';
  }
}

/** Addresses are shown in the form after 1/7/2025 first, the older three-level form after it. */
export function formatAddress(address: Address | null | undefined): string {
  if (!address) return '—';
  const parts: string[] = [];
  if (address.detail) parts.push(address.detail);
  if (address.current) parts.push([address.current.commune, address.current.province].filter(Boolean).join(', '));
  const text = parts.filter(Boolean).join(', ');
  const old = address.old ? [address.old.commune, address.old.district, address.old.province].filter(Boolean).join(', ') : '';
  if (text && old) return `${text} (trước 01/07/2025: ${old})`;
  if (old) return `${old} (địa giới trước 01/07/2025)`;
  return text || '—';
}

export function decisionText(decision: { number: string; date: string; issuer: string } | null | undefined): string {
  if (!decision) return '—';
  return `Số ${decision.number} ngày ${showDate(decision.date)} của ${decision.issuer}`;
}
