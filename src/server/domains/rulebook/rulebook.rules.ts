import { compareIso } from '../../../shared/dates.js';

/** What pickVersion needs of a stored rule version. */
export interface DatedVersion {
  effectiveFrom: string;
  /** Breaks ties between versions from the same day: a row id, a sequence or a timestamp. */
  createdAt?: number | string | Date;
}

function creationOrder(version: DatedVersion): number | undefined {
  const { createdAt } = version;
  if (createdAt === undefined) return undefined;
  const order = typeof createdAt === 'number' ? createdAt : createdAt instanceof Date ? createdAt.getTime() : Date.parse(createdAt);
  return Number.isNaN(order) ? undefined : order;
}

/**
 * The version in force on `dateIso`: the latest `effectiveFrom` on or before that date. Two versions
 * from the same day mean the later one corrected the earlier, so the later-created one wins; without
 * a usable `createdAt`, the one later in the list wins. Undefined when no version had started yet.
 */
export function pickVersion<V extends DatedVersion>(versions: readonly V[], dateIso: string): V | undefined {
  let chosen: V | undefined;
  for (const version of versions) {
    if (compareIso(version.effectiveFrom, dateIso) > 0) continue;
    if (!chosen) {
      chosen = version;
      continue;
    }
    const byDate = compareIso(version.effectiveFrom, chosen.effectiveFrom);
    if (byDate > 0) chosen = version;
    else if (byDate === 0) {
      const mine = creationOrder(version);
      const theirs = creationOrder(chosen);
      if (mine === undefined || theirs === undefined || mine >= theirs) chosen = version;
    }
  }
  return chosen;
}
