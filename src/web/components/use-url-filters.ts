import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters and page kept in the address, so a filtered list can be bookmarked, shared and
 * reopened with Back. `update` replaces the history entry, drops a key set to null or '', and goes
 * back to the first page unless the change is the page itself.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { params, page, update };
}

/** The parameter's value when it is one of `keys`, otherwise undefined (a hand-edited address). */
export function pickParam<K extends string>(value: string | null, keys: readonly K[]): K | undefined {
  return value !== null && (keys as readonly string[]).includes(value) ? (value as K) : undefined;
}
