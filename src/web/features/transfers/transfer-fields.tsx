import { Badge } from '@mantine/core';
import { transferStateLabels } from '../../../shared/transfers';
import type { DestinationOrg, TransferListItem, TransferState } from '../../../shared/transfers';
import { listDestinations, listMembers } from '../../api';
import type { MemberPage } from '../../../shared/member';
import { SearchSelect } from '../../components/search-select';
import type { SearchOption, SearchSelectProps } from '../../components/search-select';
import { memberOptions } from '../members/member-labels';

const stateColors: Record<TransferState, string> = { pending: 'orange', letter_issued: 'blue', received: 'green', returned: 'gray', cancelled: 'gray' };

export function TransferStateBadge({ state }: { state: TransferState }) {
  return (
    <Badge variant="light" radius="sm" tt="none" color={stateColors[state]}>
      {transferStateLabels[state]}
    </Badge>
  );
}

/** Where the member comes from and goes to, whichever side is outside the deployment. */
export function fromName(t: Pick<TransferListItem, 'sendingOrgName' | 'externalOrgName'>): string {
  return t.sendingOrgName ?? t.externalOrgName ?? '—';
}

export function toName(t: Pick<TransferListItem, 'receivingOrgName' | 'externalOrgName'>): string {
  return t.receivingOrgName ?? t.externalOrgName ?? '—';
}

/** The date the open step must be done by, if it has one. */
export function nextDueOn(t: Pick<TransferListItem, 'state' | 'kind' | 'letterDueOn' | 'presentDueOn' | 'temporaryUntil'>): string | null {
  if (t.state === 'pending') return t.letterDueOn;
  if (t.state === 'letter_issued') return t.presentDueOn;
  if (t.state === 'received' && t.kind === 'temporary') return t.temporaryUntil;
  return null;
}

function searchMembers(q: string, signal: AbortSignal): Promise<MemberPage> {
  return listMembers({ q, page: 1, pageSize: 20 }, signal);
}

/** A member of the user's scope who is active (probationary or full), found by name. */
export function MemberPicker(props: SearchSelectProps) {
  return <SearchSelect placeholder="Gõ họ tên đảng viên" {...props} queryKey={['members', 'transfer-pick']} search={searchMembers} toOptions={memberOptions} />;
}

function destinationOptions(found: DestinationOrg[]): SearchOption[] {
  return found.map((o) => ({ id: o.id, name: o.name, label: o.parentName ? `${o.name} — ${o.parentName}` : o.name }));
}

/** A cell anywhere in the deployment: a member may move outside the official's own subtree. */
export function DestinationPicker(props: SearchSelectProps) {
  return (
    <SearchSelect
      placeholder="Gõ tên chi bộ nơi đến"
      {...props}
      queryKey={['transfer-destinations']}
      search={listDestinations}
      toOptions={destinationOptions}
      notFound="Không tìm thấy chi bộ"
    />
  );
}
