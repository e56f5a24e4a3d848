import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { orgKindLabels, orgPathLabel } from '../../shared/org';
import { listOrgs } from '../api';
import type { OrgListItem } from '../../shared/org';
import type { OrgRef } from './current-org';

interface OrgSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: OrgRef | null;
  onChange: (org: OrgRef | null) => void;
  /** Only organisations of these kinds can be chosen (members belong to cells). */
  kinds?: readonly string[];
}

/** A searchable organisation chooser; the server limits the choices to the user's scope. */
export function OrgSelect({ value, onChange, kinds, ...props }: OrgSelectProps) {
  const [search, setSearch] = useState('');
  /** The chosen line as shown (name and ancestors): the input holds it after a choice, and it is not a search. */
  const [pickedLabel, setPickedLabel] = useState<{ id: number; label: string } | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const searching = debounced.trim() !== '' && debounced !== value?.name && debounced !== pickedLabel?.label;

  const top = useQuery({ queryKey: ['orgs', 'top'], queryFn: ({ signal }) => listOrgs({}, signal), staleTime: 300_000 });
  const firstTop = top.data?.length === 1 ? top.data[0] : undefined;
  const children = useQuery({
    queryKey: ['orgs', 'children', firstTop?.id],
    queryFn: ({ signal }) => listOrgs({ parentId: firstTop!.id }, signal),
    enabled: firstTop !== undefined && firstTop.childCount > 0,
    staleTime: 300_000,
  });
  const found = useQuery({
    queryKey: ['orgs', 'search', debounced.trim()],
    queryFn: ({ signal }) => listOrgs({ q: debounced.trim() }, signal),
    enabled: searching,
    staleTime: 60_000,
  });

  const items: OrgListItem[] = useMemo(() => {
    const list = searching ? (found.data ?? []) : [...(top.data ?? []), ...(children.data ?? [])];
    return kinds ? list.filter((item) => kinds.includes(item.kind)) : list;
  }, [searching, found.data, top.data, children.data, kinds]);

  /** Same-named cells are told apart by their ancestors (`Chi bộ Khoa Nhi — Đảng bộ Bệnh viện tỉnh`); the form keeps the name. */
  const data = useMemo(() => {
    const options = items.map((item) => ({ value: String(item.id), label: orgPathLabel(item.name, item.ancestorNames), name: item.name }));
    if (value !== null && !options.some((option) => option.value === String(value.id))) {
      options.unshift({ value: String(value.id), label: pickedLabel?.id === value.id ? pickedLabel.label : value.name, name: value.name });
    }
    const seen = new Set<string>();
    return options.filter((option) => (seen.has(option.value) ? false : (seen.add(option.value), true)));
  }, [items, value, pickedLabel]);

  const kindOf = useMemo(() => new Map(items.map((item) => [String(item.id), item.kind])), [items]);

  return (
    <Select
      searchable
      clearable
      {...props}
      data={data.map(({ value: v, label }) => ({ value: v, label }))}
      value={value === null ? null : String(value.id)}
      onChange={(next) => {
        const option = data.find((o) => o.value === next);
        setPickedLabel(option ? { id: Number(option.value), label: option.label } : null);
        onChange(option ? { id: Number(option.value), name: option.name } : null);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching || top.isFetching ? 'Đang tìm…' : 'Không có tổ chức phù hợp'}
      renderOption={({ option }) => {
        const kind = kindOf.get(option.value);
        return (
          <span>
            {option.label}
            {kind ? <span style={{ color: 'var(--mantine-color-dimmed)', fontSize: 12 }}> · {orgKindLabels[kind as keyof typeof orgKindLabels]}</span> : null}
          </span>
        );
      }}
    />
  );
}
