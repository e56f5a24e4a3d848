import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memberProfileFields } from '../../../shared/member.js';
import { allowedChildKinds, decision, unitTypes, type UnitType } from '../../../shared/org.js';
import { generateDemoMembers, generateDemoOrgs, type DemoMember, type DemoOptions, type DemoOrg } from './demo.generator.js';

const TODAY = '2026-11-27';
const EXITS = new Set(['strike_off', 'withdrawal', 'death']);

function take(opts: DemoOptions, orgs: DemoOrg[], n: number): DemoMember[] {
  const out: DemoMember[] = [];
  for (const m of generateDemoMembers(opts, orgs)) {
    out.push(m);
    if (out.length >= n) break;
  }
  return out;
}

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Same month and day one year later: what "12 months after" means for a date that is never 29/2. */
function plusYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function leafRefs(orgs: DemoOrg[]): Set<string> {
  const parents = new Set(orgs.map((o) => o.parentRef).filter((r): r is string => r !== null));
  return new Set(orgs.filter((o) => (o.kind === 'cell' || o.kind === 'grassroots_cell') && !parents.has(o.ref)).map((o) => o.ref));
}

function isActive(m: DemoMember): boolean {
  return !EXITS.has(m.events[m.events.length - 1].kind);
}

function isFull(m: DemoMember): boolean {
  return isActive(m) && m.events.some((e) => e.kind === 'confirmation');
}

function currentOrg(m: DemoMember): string {
  return m.events[m.events.length - 1].orgRef;
}

let defaultData: { orgs: DemoOrg[]; members: DemoMember[] } | null = null;
function defaults() {
  if (!defaultData) {
    const orgs = generateDemoOrgs({});
    defaultData = { orgs, members: [...generateDemoMembers({}, orgs)] };
  }
  return defaultData;
}

describe('generateDemoOrgs', () => {
  it('gives the same tree for the same seed and a different one for another seed', () => {
    const a = generateDemoOrgs({ seed: 7 });
    expect(generateDemoOrgs({ seed: 7 })).toEqual(a);
    expect(hashOf(generateDemoOrgs({ seed: 7 }))).toBe(hashOf(a));
    expect(hashOf(generateDemoOrgs({ seed: 8 }))).not.toBe(hashOf(a));
  });

  it('builds the seed article bloc: one province, one upper committee, 73 grassroots organisations (46 + 27)', () => {
    const { orgs } = defaults();
    const roots = orgs.filter((o) => o.parentRef === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ kind: 'provincial', name: 'Đảng bộ tỉnh Hòa Bình', code: 'HB' });
    const uppers = orgs.filter((o) => o.kind === 'upper');
    expect(uppers).toHaveLength(1);
    expect(uppers[0]).toMatchObject({ name: 'Đảng bộ Khối các cơ quan tỉnh', parentRef: 'HB', code: 'HB.K' });
    const grassroots = orgs.filter((o) => o.parentRef === uppers[0].ref);
    expect(grassroots).toHaveLength(73);
    expect(grassroots.filter((o) => o.kind === 'grassroots_committee')).toHaveLength(46);
    expect(grassroots.filter((o) => o.kind === 'grassroots_cell')).toHaveLength(27);
    const names = grassroots.map((o) => o.name);
    for (const n of [
      'Đảng bộ Sở Tài chính',
      'Chi bộ Báo Hòa Bình',
      'Đảng bộ Bệnh viện Đa khoa tỉnh',
      'Chi bộ Hội Nông dân tỉnh',
      'Đảng bộ Công ty Điện lực Hòa Bình',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('spreads grassroots organisations over all five unit types, administrative most and press fewest', () => {
    const { orgs } = defaults();
    const grassroots = orgs.filter((o) => o.kind === 'grassroots_committee' || o.kind === 'grassroots_cell');
    const count = (t: UnitType) => grassroots.filter((o) => o.unitType === t).length;
    const counts = unitTypes.map(count);
    expect(counts.every((n) => n > 0)).toBe(true);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(counts[0]).toBeGreaterThan(counts[1]);
    expect(counts[4]).toBeLessThan(counts[3]);
  });

  it('puts about 290 cells under the grassroots committees, some of them in sections', () => {
    const { orgs } = defaults();
    const cells = orgs.filter((o) => o.kind === 'cell');
    expect(cells.length).toBeGreaterThanOrEqual(261);
    expect(cells.length).toBeLessThanOrEqual(319);
    const sections = orgs.filter((o) => o.kind === 'section');
    expect(sections.length).toBeGreaterThan(0);
    for (const s of sections) expect(cells.some((c) => c.parentRef === s.ref)).toBe(true);
  });

  it('forms a valid tree with unique short codes, allowed nesting and founding dates after the parent', () => {
    const { orgs } = defaults();
    const byRef = new Map(orgs.map((o) => [o.ref, o]));
    expect(byRef.size).toBe(orgs.length);
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
    for (const o of orgs) {
      expect(o.code.length).toBeLessThanOrEqual(40);
      expect(o.foundedOn <= TODAY).toBe(true);
      expect(decision.safeParse(o.foundingDecision).success).toBe(true);
      expect(o.foundingDecision.date).toBe(o.foundedOn);
      if (o.parentRef === null) continue;
      const parent = byRef.get(o.parentRef);
      expect(parent, o.ref).toBeDefined();
      expect(allowedChildKinds[parent!.kind]).toContain(o.kind);
      expect(o.code.startsWith(`${parent!.code}.`)).toBe(true);
      expect(o.foundedOn > parent!.foundedOn).toBe(true);
    }
    for (const o of orgs.filter((x) => x.kind === 'grassroots_committee' || x.kind === 'section')) {
      expect(orgs.some((c) => c.parentRef === o.ref)).toBe(true);
    }
  });

  it('scales to one province of about 2,200 grassroots organisations for 260,000 members', () => {
    const orgs = generateDemoOrgs({ members: 260_000 });
    expect(orgs.filter((o) => o.kind === 'provincial')).toHaveLength(1);
    expect(orgs.filter((o) => o.kind === 'upper').length).toBeGreaterThanOrEqual(3);
    const grassroots = orgs.filter((o) => o.kind === 'grassroots_committee' || o.kind === 'grassroots_cell');
    expect(grassroots.length).toBeGreaterThanOrEqual(2000);
    expect(grassroots.length).toBeLessThanOrEqual(2400);
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);

    const leaves = leafRefs(orgs);
    const first = take({ members: 260_000 }, orgs, 1000);
    expect(first).toHaveLength(1000);
    for (const m of first) for (const e of m.events) expect(leaves.has(e.orgRef)).toBe(true);
  });

  it('makes several provincial trees, not one national root, totalling about 300,000 organisations for 5.6 million members', () => {
    const orgs = generateDemoOrgs({ members: 5_600_000 });
    const roots = orgs.filter((o) => o.parentRef === null);
    expect(roots.length).toBeGreaterThan(5);
    expect(roots.every((o) => o.kind === 'provincial')).toBe(true);
    expect(orgs.length).toBeGreaterThan(250_000);
    expect(orgs.length).toBeLessThan(350_000);
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
  });

  it('refuses options it cannot honour', () => {
    expect(() => generateDemoOrgs({ members: 5 })).toThrow(RangeError);
    expect(() => generateDemoOrgs({ today: '27/11/2026' })).toThrow(RangeError);
    expect(() => generateDemoOrgs({ today: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('generateDemoMembers', () => {
  it('gives the same members for the same seed and different ones for another seed', () => {
    const orgs = generateDemoOrgs({ seed: 7 });
    const a = take({ seed: 7 }, orgs, 300);
    expect(take({ seed: 7 }, orgs, 300)).toEqual(a);
    const { orgs: defaultOrgs, members } = defaults();
    expect(hashOf([...generateDemoMembers({}, defaultOrgs)])).toBe(hashOf(members));
    // The member stream depends on the seed itself, not only through the tree.
    expect(hashOf(take({ seed: 8 }, orgs, 300))).not.toBe(hashOf(a));
  });

  it('leaves about 4,200 members active today, with few exits', () => {
    const { members } = defaults();
    const active = members.filter(isActive).length;
    expect(active).toBeGreaterThanOrEqual(4100);
    expect(active).toBeLessThanOrEqual(4300);
    const exits = members.length - active;
    expect(exits).toBeGreaterThan(0);
    expect(exits / members.length).toBeLessThanOrEqual(0.015);
  });

  it('places members only in cells and grassroots cells, each with at least 3 full members today', () => {
    const { orgs, members } = defaults();
    const leaves = leafRefs(orgs);
    for (const m of members) for (const e of m.events) expect(leaves.has(e.orgRef), e.orgRef).toBe(true);
    const full = new Map<string, number>();
    for (const m of members) if (isFull(m)) full.set(currentOrg(m), (full.get(currentOrg(m)) ?? 0) + 1);
    for (const ref of leaves) expect(full.get(ref) ?? 0, ref).toBeGreaterThanOrEqual(3);
  });

  it('gives unique 12-digit national IDs from Hòa Bình and unique 8-digit card numbers to full members only', () => {
    const { members } = defaults();
    const ids = members.map((m) => m.nationalId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^017\d{9}$/);
    const cards = members.map((m) => m.cardNumber).filter((c): c is string => c !== null);
    expect(new Set(cards).size).toBe(cards.length);
    for (const c of cards) expect(c).toMatch(/^\d{8}$/);
    for (const m of members.filter(isActive)) expect(m.cardNumber === null).toBe(!isFull(m));
    expect(new Set(members.map((m) => m.ref)).size).toBe(members.length);
    expect(new Set(members.map((m) => m.profileNumber)).size).toBe(members.length);
  });

  it('orders events by date up to today, starting with the admission, confirming exactly 12 months later', () => {
    const { members } = defaults();
    const yearAgo = plusYears(TODAY, -1);
    for (const m of members) {
      expect(m.events[0].kind).toBe('admission');
      expect(m.events.filter((e) => e.kind === 'admission')).toHaveLength(1);
      for (let k = 1; k < m.events.length; k++) expect(m.events[k].occurredOn >= m.events[k - 1].occurredOn).toBe(true);
      for (const e of m.events) {
        expect(e.occurredOn <= TODAY).toBe(true);
        expect(e.decision.date <= TODAY).toBe(true);
        expect(e.decision.date >= e.occurredOn).toBe(true);
        expect(decision.safeParse(e.decision).success).toBe(true);
        if (e.kind === 'transfer' || EXITS.has(e.kind)) expect(e.occurredOn >= '2015-01-01').toBe(true);
      }
      const admitted = m.events[0].occurredOn;
      const confirmation = m.events.find((e) => e.kind === 'confirmation');
      if (confirmation) expect(confirmation.occurredOn).toBe(plusYears(admitted, 1));
      if (isActive(m)) expect(confirmation === undefined).toBe(admitted > yearAgo);
      const transfers = m.events.filter((e) => e.kind === 'transfer');
      for (const t of transfers) expect(m.events[m.events.indexOf(t) - 1].orgRef).not.toBe(t.orgRef);
    }
    expect(members.some((m) => m.events.some((e) => e.kind === 'transfer'))).toBe(true);
  });

  it('admits about 120–130 members a year recently and cites the bloc committee', () => {
    const { members } = defaults();
    const admissions = members.map((m) => m.events[0]);
    for (let y = 2020; y <= 2026; y++) {
      const n = admissions.filter((e) => e.occurredOn.startsWith(`${y}-`)).length;
      expect(n, String(y)).toBeGreaterThanOrEqual(115);
      expect(n, String(y)).toBeLessThanOrEqual(135);
    }
    expect(admissions.some((e) => e.occurredOn < '1986-01-01')).toBe(true);
    expect(admissions.every((e) => e.decision.issuer === 'Đảng ủy Khối các cơ quan tỉnh' && /^\d+-QĐ\/ĐUK$/.test(e.decision.number))).toBe(true);
  });

  it('describes people who pass the profile schema: ages 22–65, admitted at 18–60, about 40% women, a quarter Mường', () => {
    const { members } = defaults();
    for (const m of members) {
      const parsed = memberProfileFields.safeParse(m);
      expect(parsed.success, `${m.ref} ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(plusYears(m.birthDate, 22) <= TODAY && plusYears(m.birthDate, 66) > TODAY, m.birthDate).toBe(true);
      const admitted = m.events[0].occurredOn;
      expect(plusYears(m.birthDate, 18) <= admitted && plusYears(m.birthDate, 60) >= admitted).toBe(true);
    }
    const share = (p: (m: DemoMember) => boolean) => members.filter(p).length / members.length;
    expect(share((m) => m.gender === 'female')).toBeGreaterThan(0.35);
    expect(share((m) => m.gender === 'female')).toBeLessThan(0.45);
    expect(share((m) => m.ethnicity === 'Mường')).toBeGreaterThan(0.2);
    expect(share((m) => m.ethnicity === 'Mường')).toBeLessThan(0.3);
    expect(share((m) => m.ethnicity === 'Kinh')).toBeGreaterThan(0.5);
    expect(share((m) => m.religion === 'Không')).toBeGreaterThan(0.9);
    expect(share((m) => m.theoryLevel === 'intermediate' || m.theoryLevel === 'advanced')).toBeGreaterThan(0.4);
    expect(share((m) => m.fullName.startsWith('Nguyễn '))).toBeGreaterThan(0.2);
    expect(new Set(members.map((m) => m.fullName.split(' ').at(-1))).size).toBeGreaterThan(80);
  });

  it('gives addresses in both the old 3-level form and the post-merger form of Phú Thọ', () => {
    const { members } = defaults();
    const origins = members.map((m) => m.placeOfOrigin);
    expect(origins.some((a) => a.old?.province === 'Tỉnh Hòa Bình' && a.old.district.startsWith('Huyện ') && a.current?.province === 'Tỉnh Phú Thọ')).toBe(
      true,
    );
    expect(origins.some((a) => a.old?.province !== 'Tỉnh Hòa Bình' && a.current === null)).toBe(true);
    for (const m of members) expect(m.residence).toMatchObject({ old: { province: 'Tỉnh Hòa Bình' }, current: { province: 'Tỉnh Phú Thọ' } });
  });

  it('keeps every date on or before an earlier today, without the post-merger address form', () => {
    const opts = { today: '2022-11-22', members: 1200 };
    const orgs = generateDemoOrgs(opts);
    const members = [...generateDemoMembers(opts, orgs)];
    const active = members.filter(isActive).length;
    expect(active).toBeGreaterThan(1140);
    expect(active).toBeLessThan(1260);
    for (const m of members) {
      expect(m.residence.current).toBeNull();
      expect(m.placeOfOrigin.current).toBeNull();
      for (const e of m.events) expect(e.occurredOn <= opts.today && e.decision.date <= opts.today).toBe(true);
    }
  });

  it.each([20, 60, 300])('keeps 3 full members in every cell of a bloc of %i members too', (size) => {
    const opts = { members: size, seed: 3 };
    const orgs = generateDemoOrgs(opts);
    const members = [...generateDemoMembers(opts, orgs)];
    const full = new Map<string, number>();
    for (const m of members) if (isFull(m)) full.set(currentOrg(m), (full.get(currentOrg(m)) ?? 0) + 1);
    const leaves = leafRefs(orgs);
    expect(leaves.size).toBeGreaterThan(1);
    for (const ref of leaves) expect(full.get(ref) ?? 0, ref).toBeGreaterThanOrEqual(3);
    expect(Math.abs(members.filter(isActive).length - size)).toBeLessThanOrEqual(Math.max(3, size * 0.05));
  });
});
