import { useMemo, useState } from 'react';
import { Badge, Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { transferStateLabels } from '../../../shared/transfers';
import type { TransferListItem, TransferState } from '../../../shared/transfers';
import { listDestinations, listMembers } from '../../api';

export interface Ref {
  id: number;
  name: string;
}

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

type PickerProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & { value: Ref | null; onChange: (value: Ref | null) => void };

/** A member of the user's scope who is active (probationary or full), found by name. */
export function MemberPicker({ value, onChange, ...props }: PickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const q = debounced.trim();
  const found = useQuery({
    queryKey: ['members', 'transfer-pick', q],
    queryFn: ({ signal }) => listMembers({ q, page: 1, pageSize: 20 }, signal),
    enabled: q.length >= 2 && q !== value?.name,
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const options = (found.data?.items ?? []).map((m) => ({ value: String(m.id), label: `${m.fullName} — ${m.orgName}`, name: m.fullName }));
    if (value && !options.some((o) => o.value === String(value.id))) options.unshift({ value: String(value.id), label: value.name, name: value.name });
    return options;
  }, [found.data, value]);
  return (
    <Select
      searchable
      clearable
      placeholder="Gõ họ tên đảng viên"
      nothingFoundMessage={q.length < 2 ? 'Gõ ít nhất 2 chữ cái' : found.isFetching ? 'Đang tìm…' : 'Không tìm thấy'}
      {...props}
      data={data.map(({ value: v, label }) => ({ value: v, label }))}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(next) => {
        const option = data.find((o) => o.value === next);
        onChange(option ? { id: Number(option.value), name: option.name } : null);
      }}
    />
  );
}

/** A cell anywhere in the deployment: a member may move outside the official's own subtree. */
export function DestinationPicker({ value, onChange, ...props }: PickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const q = debounced.trim();
  const found = useQuery({
    queryKey: ['transfer-destinations', q],
    queryFn: ({ signal }) => listDestinations(q, signal),
    enabled: q.length >= 2 && q !== value?.name,
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const options = (found.data ?? []).map((o) => ({ value: String(o.id), label: o.parentName ? `${o.name} — ${o.parentName}` : o.name, name: o.name }));
    if (value && !options.some((o) => o.value === String(value.id))) options.unshift({ value: String(value.id), label: value.name, name: value.name });
    return options;
  }, [found.data, value]);
  return (
    <Select
      searchable
      clearable
      placeholder="Gõ tên chi bộ nơi đến"
      nothingFoundMessage={q.length < 2 ? 'Gõ ít nhất 2 chữ cái' : found.isFetching ? 'Đang tìm…' : 'Không tìm thấy chi bộ'}
      {...props}
      data={data.map(({ value: v, label }) => ({ value: v, label }))}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      onChange={(next) => {
        const option = data.find((o) => o.value === next);
        onChange(option ? { id: Number(option.value), name: option.name } : null);
      }}
    />
  );
}
