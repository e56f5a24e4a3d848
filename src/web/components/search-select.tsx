import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';

/** A chosen record: its id for the form, its name to show while the list does not hold it. */
export interface NamedRef {
  id: number;
  name: string;
}

/** One line of the list (`label`) and what is kept once it is chosen (`id`, `name`). */
export interface SearchOption extends NamedRef {
  label: string;
}

export type SearchSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> & {
  value: NamedRef | null;
  onChange: (value: NamedRef | null) => void;
};

/**
 * Asks the server for matches once two letters are typed (debounced, not again for the chosen name);
 * the server's order is kept and the current choice stays listed.
 */
export function SearchSelect<T>({
  value,
  onChange,
  queryKey,
  search,
  toOptions,
  notFound = 'Không tìm thấy',
  ...props
}: SearchSelectProps & {
  /** The query key without the typed text, which is appended. */
  queryKey: readonly unknown[];
  search: (q: string, signal: AbortSignal) => Promise<T>;
  /** Keep this stable (a module-level function): the options are recomputed when it changes. */
  toOptions: (found: T) => SearchOption[];
  notFound?: string;
}) {
  const [text, setText] = useState('');
  /** The chosen line as shown (a member's name with the cell): the input holds it after a choice, and it is not a search. */
  const [pickedLabel, setPickedLabel] = useState<{ id: number; label: string } | null>(null);
  const [debounced] = useDebouncedValue(text, 250);
  const q = debounced.trim();
  const found = useQuery({
    queryKey: [...queryKey, q],
    queryFn: ({ signal }) => search(q, signal),
    enabled: q.length >= 2 && q !== value?.name && q !== pickedLabel?.label,
    staleTime: 60_000,
  });
  const data = useMemo(() => {
    const options = (found.data === undefined ? [] : toOptions(found.data)).map((o) => ({ value: String(o.id), label: o.label, name: o.name }));
    if (value && !options.some((o) => o.value === String(value.id)))
      options.unshift({ value: String(value.id), label: pickedLabel?.id === value.id ? pickedLabel.label : value.name, name: value.name });
    return options;
  }, [found.data, value, toOptions, pickedLabel]);
  return (
    <Select
      searchable
      clearable
      // Before two letters the list stays closed (an empty listbox is not a list; the field's placeholder says what to type).
      nothingFoundMessage={q.length < 2 ? null : found.isFetching ? 'Đang tìm…' : notFound}
      {...props}
      data={data.map(({ value: v, label }) => ({ value: v, label }))}
      value={value ? String(value.id) : null}
      searchValue={text}
      onSearchChange={setText}
      filter={({ options }) => options}
      onChange={(next) => {
        const option = data.find((o) => o.value === next);
        setPickedLabel(option ? { id: Number(option.value), label: option.label } : null);
        onChange(option ? { id: Number(option.value), name: option.name } : null);
      }}
    />
  );
}
