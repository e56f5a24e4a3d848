import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';

export interface OrgRef {
  id: number;
  name: string;
}

interface CurrentOrgValue {
  /** The organisation chosen in the header; null means the user's whole scope. */
  org: OrgRef | null;
  setOrg: (org: OrgRef | null) => void;
}

const CurrentOrgContext = createContext<CurrentOrgValue>({ org: null, setOrg: () => undefined });

function storageKey(userId: number): string {
  return `dangvu.currentOrg.${userId}`;
}

function readStored(userId: number): OrgRef | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey(userId));
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<OrgRef>;
    return typeof parsed.id === 'number' && typeof parsed.name === 'string' ? { id: parsed.id, name: parsed.name } : null;
  } catch {
    return null;
  }
}

export function CurrentOrgProvider({ userId, children }: { userId: number; children: ReactNode }) {
  const [org, setOrgState] = useState<OrgRef | null>(() => readStored(userId));
  const setOrg = useCallback(
    (next: OrgRef | null) => {
      setOrgState(next);
      try {
        if (next === null) window.sessionStorage.removeItem(storageKey(userId));
        else window.sessionStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        /* private mode: the choice simply lasts until reload */
      }
    },
    [userId],
  );
  const value = useMemo(() => ({ org, setOrg }), [org, setOrg]);
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrgValue {
  return useContext(CurrentOrgContext);
}
