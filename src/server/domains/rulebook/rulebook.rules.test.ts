import { describe, expect, it } from 'vitest';
import { pickVersion } from './rulebook.rules.js';

interface Version {
  id: string;
  effectiveFrom: string;
  createdAt?: number | string | Date;
}

const dues: Version[] = [
  { id: '342', effectiveFrom: '2010-12-28', createdAt: 1 },
  { id: '01', effectiveFrom: '2026-02-03', createdAt: 2 },
];

describe('pickVersion', () => {
  it.each([
    ['before any version', '2010-12-27', undefined],
    ['on the first version’s start day', '2010-12-28', '342'],
    ['between versions', '2026-02-02', '342'],
    ['on the new version’s start day', '2026-02-03', '01'],
    ['after the last version', '2030-01-01', '01'],
  ])('picks the version in force %s', (_case, date, expected) => {
    expect(pickVersion(dues, date)?.id).toBe(expected);
  });

  it('does not depend on the order of the list', () => {
    expect(pickVersion([...dues].reverse(), '2026-02-02')?.id).toBe('342');
    expect(pickVersion([...dues].reverse(), '2026-03-01')?.id).toBe('01');
  });

  it('returns undefined for no versions', () => {
    expect(pickVersion([], '2026-01-01')).toBeUndefined();
  });

  it.each([
    ['numbers', 5, 7],
    ['ISO timestamps', '2026-03-01T08:00:00Z', '2026-03-01T09:30:00Z'],
    ['dates', new Date('2026-03-01T08:00:00Z'), new Date('2026-03-01T09:30:00Z')],
  ])('prefers the later-created of two versions from the same day, by %s', (_case, earlier, later) => {
    const correction: Version = { id: 'correction', effectiveFrom: '2026-01-01', createdAt: later };
    const original: Version = { id: 'original', effectiveFrom: '2026-01-01', createdAt: earlier };
    expect(pickVersion([correction, original], '2026-06-01')?.id).toBe('correction');
    expect(pickVersion([original, correction], '2026-06-01')?.id).toBe('correction');
  });

  it('prefers the later-listed of two same-day versions without a creation order', () => {
    const versions: Version[] = [
      { id: 'first', effectiveFrom: '2026-01-01' },
      { id: 'second', effectiveFrom: '2026-01-01' },
    ];
    expect(pickVersion(versions, '2026-01-01')?.id).toBe('second');
  });

  it('lets a later start date win over a later creation', () => {
    const versions: Version[] = [
      { id: 'newer-rule', effectiveFrom: '2025-07-01', createdAt: 1 },
      { id: 'back-filled', effectiveFrom: '2021-07-30', createdAt: 99 },
    ];
    expect(pickVersion(versions, '2026-01-01')?.id).toBe('newer-rule');
    expect(pickVersion(versions, '2025-06-30')?.id).toBe('back-filled');
  });

  it('refuses a malformed date', () => {
    expect(() => pickVersion(dues, '2026-2-3')).toThrow(RangeError);
  });
});
