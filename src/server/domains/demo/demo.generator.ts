import type { Address, Gender, MembershipEventKind, TheoryLevel } from '../../../shared/member.js';
import type { Decision, OrgKind, UnitType } from '../../../shared/org.js';
import {
  blocUnits,
  districtUnits,
  enterpriseCells,
  enterpriseTrades,
  ethnicityElsewhere,
  ethnicityHoaBinh,
  familyNamesByEthnicity,
  familyNamesKinh,
  genericCommuneNames,
  genericDistrictNames,
  givenNamesFemale,
  givenNamesMale,
  givenNamesMongFemale,
  givenNamesMongMale,
  hamletNames,
  hoaBinhDistricts,
  leadershipTitle,
  middleNamesFemale,
  middleNamesMale,
  militaryUnits,
  originProvinces,
  policeUnits,
  provinces,
  religionElsewhere,
  religionHoaBinh,
  villageNames,
  work,
  type DemoProvince,
  type DemoSectionData,
  type DemoUnitData,
  type Weighted,
  type WorkProfile,
} from './demo.names.js';

/**
 * A deterministic demo data set shaped like the seed article's bloc ("Đảng bộ Khối các cơ quan
 * tỉnh" of Hòa Bình, 73 grassroots organisations, about 4,200 members), scaling up to a country.
 * Pure: the same options give the same output, byte for byte.
 */

export type DemoDecision = Decision;

export interface DemoOrg {
  ref: string;
  parentRef: string | null;
  code: string;
  name: string;
  kind: OrgKind;
  unitType: UnitType | null;
  foundedOn: string;
  foundingDecision: DemoDecision;
}

export interface DemoEvent {
  kind: Extract<MembershipEventKind, 'admission' | 'confirmation' | 'transfer' | 'strike_off' | 'withdrawal' | 'death'>;
  occurredOn: string;
  /** The organisation the member is in after the event; for an exit, the one whose rolls they leave. */
  orgRef: string;
  decision: DemoDecision;
}

export interface DemoMember {
  ref: string;
  fullName: string;
  gender: Gender;
  birthDate: string;
  placeOfOrigin: Address;
  residence: Address;
  ethnicity: string;
  religion: string;
  education: string;
  professionalQualification: string;
  theoryLevel: TheoryLevel;
  job: string;
  position: string;
  /** 12 digits, unique: province code, century and sex digit, year of birth, serial. */
  nationalId: string;
  /** Unique 8 digits; null while probationary. */
  cardNumber: string | null;
  profileNumber: string;
  /** Chronological; the first is the admission. */
  events: DemoEvent[];
}

export interface DemoOptions {
  seed?: number;
  /** Members active at `today`; default 4,200 (the seed article's bloc). */
  members?: number;
  /** Default '2026-11-27'; every generated date is on or before it. */
  today?: string;
  /** dues: also load a year of dues and a few badge awards (default true). */
  dues?: boolean;
  /** portal: also load the news portal (the seed article and a few dozen articles; default true). */
  portal?: boolean;
  /** reports: also draft each bloc's year report and issue one grassroots report (default true). */
  reports?: boolean;
  /** Only the organisation tree and the members with their histories, no module's records (province benches generate their own). */
  membersOnly?: boolean;
  /** Called with each loading step's name and duration (ms) as it ends; the steps are also logged at info level. */
  onStep?: (step: string, ms: number) => void;
}

/** The demo's defaults: one export each (loaders that take part of the options fill the rest from these). */
export const DEFAULT_SEED = 20221122;
export const DEFAULT_MEMBERS = 4200;
export const DEFAULT_TODAY = '2026-11-27';

/** The seed article's bloc: 73 grassroots organisations for a little over 4,200 members. */
const BLOC_MEMBERS = 4200;
const BLOC_GRASSROOTS = 73;
/** Roughly the merged Phú Thọ (256,000 members, 2,166 grassroots organisations, RULES.md "Scale"). */
const PROVINCE_MEMBERS = 260_000;
/** Communes and district agencies are larger than the bloc's agencies. */
const MEMBERS_PER_LOCAL_GRASSROOTS = 118;
const MIN_MEMBERS = 20;

const FIRST_ADMISSION_YEAR = 1985;
/** Transfers and exits are generated from this date on. */
const HISTORY_FROM = dayOf(2015, 1, 1);
/** Provinces merged and districts ended on 1/7/2025; addresses gain their 2-level form then. */
const MERGER_DAY = dayOf(2025, 7, 1);
/** Admissions in each of the last 17 years, per generated member (the article: 121 of about 4,200). */
const RECENT_YEARS = 17;
/** Share of generated members who leave (struck off, withdrawn or deceased) since 2015. */
const EXIT_SHARE = 0.012;
/** The three earliest-admitted members of each cell never leave, so every cell keeps 3 full members (RULES.md). */
const CORE_MEMBERS = 3;
const MIN_QUOTA = 5;
const GOLDEN = 0.6180339887498949;

/**
 * Structures are founded before the first generated admission (1985), so every membership event
 * falls inside its organisation's life. The real bloc was re-formed when Hòa Bình was re-established
 * in 1991; the demo does not model that.
 */
const FOUNDED_BY: Record<OrgKind, number> = {
  provincial: dayOf(1977, 12, 31),
  upper: dayOf(1980, 12, 31),
  grassroots_committee: dayOf(1983, 6, 30),
  grassroots_cell: dayOf(1983, 12, 31),
  section: dayOf(1984, 3, 31),
  cell: dayOf(1984, 12, 31),
};
const ROOT_FOUNDED_FROM = dayOf(1975, 6, 1);

// ── Options ─────────────────────────────────────────────────────────────────────────────────────

interface Config {
  seed: number;
  members: number;
  today: number;
  todayY: number;
  todayM: number;
  todayD: number;
}

function resolveOptions(opts: DemoOptions): Config {
  const seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
  const members = opts.members ?? DEFAULT_MEMBERS;
  if (!Number.isInteger(members) || members < MIN_MEMBERS) throw new RangeError(`members must be an integer of at least ${MIN_MEMBERS}`);
  const text = opts.today ?? DEFAULT_TODAY;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`today must be an ISO date (yyyy-mm-dd), got ${text}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const today = dayOf(y, m, d);
  if (iso(today) !== text) throw new RangeError(`today is not a calendar date: ${text}`);
  // The admission profile needs some years before the recent ones, and history runs from 2015.
  if (y < FIRST_ADMISSION_YEAR + RECENT_YEARS + 1) throw new RangeError(`today must be in ${FIRST_ADMISSION_YEAR + RECENT_YEARS + 1} or later`);
  return { seed, members, today, todayY: y, todayM: m, todayD: d };
}

// ── Randomness ──────────────────────────────────────────────────────────────────────────────────

/** mulberry32: tiny, fast, and good enough for demo data. */
class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  reseed(seed: number): void {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Combines two 32-bit values into a well-mixed seed (murmur3 finaliser). */
function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Table {
  readonly values: string[];
  private readonly cum: number[];
  private readonly total: number;
  constructor(weighted: Weighted) {
    this.values = weighted.map(([v]) => v);
    let sum = 0;
    this.cum = weighted.map(([, w]) => (sum += w));
    this.total = sum;
  }
  draw(rng: Rng): string {
    const r = rng.next() * this.total;
    const cum = this.cum;
    for (let i = 0; i < cum.length; i++) if (r < cum[i]) return this.values[i];
    return this.values[this.values.length - 1];
  }
}

// ── Dates: day numbers since 1970-01-01, civil calendar (H. Hinnant's algorithms) ────────────────

function dayOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civil(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const ISO_BASE = dayOf(1900, 1, 1);
const isoCache: (string | undefined)[] = [];

function iso(z: number): string {
  const k = z - ISO_BASE;
  const hit = isoCache[k];
  if (hit !== undefined) return hit;
  const [y, m, d] = civil(z);
  const s = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  if (k >= 0 && k < 80_000) isoCache[k] = s;
  return s;
}

/** Month and day of each day of a non-leap year: admissions never fall on 29 February, so "12 months later" is always a date. */
const MONTH_DAY: readonly (readonly [number, number])[] = (() => {
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const out: [number, number][] = [];
  lengths.forEach((n, i) => {
    for (let d = 1; d <= n; d++) out.push([i + 1, d]);
  });
  return out;
})();

function dayIndexOf(m: number, d: number): number {
  const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let k = 0;
  for (let i = 0; i < m - 1; i++) k += lengths[i];
  return k + Math.min(d, lengths[m - 1]) - 1;
}

// ── Names of organisations ─────────────────────────────────────────────────────────────────────

interface Committee {
  name: string;
  code: string;
}

const DISTRICT_LEVELS: readonly (readonly [prefix: string, committee: string, code: string, level: string])[] = [
  ['Huyện ', 'Huyện ủy', 'HU', 'huyện'],
  ['Thành phố ', 'Thành ủy', 'TU', 'thành phố'],
  ['Quận ', 'Quận ủy', 'QU', 'quận'],
  ['Thị xã ', 'Thị ủy', 'TU', 'thị xã'],
];

const CENTRAL: Committee = { name: 'Ban Bí thư Trung ương Đảng', code: 'TW' };

/** The committee that signs for an organisation: "Đảng bộ huyện Tân Lạc" → "Huyện ủy Tân Lạc", "Đảng bộ Khối …" → "Đảng ủy Khối …". */
function committeeOf(org: DemoOrg): Committee {
  const n = org.name;
  if (org.kind === 'provincial') {
    if (n.startsWith('Đảng bộ thành phố ')) return { name: `Thành ủy ${n.slice(18)}`, code: 'TU' };
    return { name: `Tỉnh ủy ${n.replace(/^Đảng bộ tỉnh /, '')}`, code: 'TU' };
  }
  if (org.kind === 'upper') {
    for (const [, title, code, level] of DISTRICT_LEVELS) {
      const own = `Đảng bộ ${level} `;
      if (n.startsWith(own)) return { name: `${title} ${n.slice(own.length)}`, code };
    }
    if (n.startsWith('Đảng bộ Khối ')) return { name: `Đảng ủy ${n.slice(8)}`, code: 'ĐUK' };
  }
  if (n.startsWith('Đảng bộ ')) return { name: `Đảng ủy ${n.slice(8)}`, code: 'ĐU' };
  return { name: n, code: 'CB' };
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface District {
  /** "Huyện Tân Lạc". */
  name: string;
  communes: readonly string[];
  newCommunes: readonly string[];
  ethnicity: Table | null;
  /** Villages' word in this district: "xóm", "bản" or "thôn". */
  village: string;
  villageNames: readonly string[];
  weight: number;
  /** Old commune → commune after 1/7/2025 (filled on first use). */
  successor: Map<string, string>;
}

const districtCache = new Map<number, District[]>();

/** Districts of a province: Hòa Bình's real ones, plausible ones elsewhere. Independent of the seed, so both generators agree. */
function districtsOf(provinceIndex: number): District[] {
  const cached = districtCache.get(provinceIndex);
  if (cached) return cached;
  const province = provinces[provinceIndex];
  let out: District[];
  if (province.code === 'HB') {
    out = hoaBinhDistricts.map((d) => ({
      name: d.name,
      communes: d.communes,
      newCommunes: d.newCommunes,
      ethnicity: new Table(d.ethnicity),
      village: d.village,
      villageNames,
      weight: d.weight,
      successor: new Map(),
    }));
  } else {
    out = [];
    const start = (provinceIndex * 7) % genericDistrictNames.length;
    for (let k = 0; k < 10; k++) {
      const bare = genericDistrictNames[(start + k) % genericDistrictNames.length];
      const urban = province.city ? k < 4 : k === 0;
      const name = province.city ? (k < 4 ? `Quận ${bare}` : `Huyện ${bare}`) : k === 0 ? `Thành phố ${province.capital}` : `Huyện ${bare}`;
      const offset = (provinceIndex * 13 + k * 29) % genericCommuneNames.length;
      const communes: string[] = [];
      for (let j = 0; j < 24; j++) {
        const c = genericCommuneNames[(offset + j) % genericCommuneNames.length];
        communes.push(urban ? `Phường ${c}` : j === 0 ? `Thị trấn ${c}` : `Xã ${c}`);
      }
      out.push({
        name,
        communes,
        newCommunes: [],
        ethnicity: null,
        village: 'thôn',
        villageNames: hamletNames,
        weight: k === 0 ? 1.4 : 0.8 + ((k * 37) % 5) / 10,
        successor: new Map(),
      });
    }
  }
  districtCache.set(provinceIndex, out);
  return out;
}

function isUrban(commune: string): boolean {
  return commune.startsWith('Phường ') || commune.startsWith('Thị trấn ');
}

function bareCommune(commune: string): string {
  return commune.replace(/^(Xã|Phường|Thị trấn) /, '');
}

/** Neighbouring old communes map to the same successor; towns ("thị trấn") became communes in 2025. */
function successorOf(district: District, commune: string): string {
  const hit = district.successor.get(commune);
  if (hit) return hit;
  const j = district.communes.indexOf(commune);
  const next =
    j >= 0 && district.newCommunes.length > 0
      ? district.newCommunes[Math.floor((j * district.newCommunes.length) / district.communes.length)]
      : commune.replace(/^Thị trấn /, 'Xã ');
  district.successor.set(commune, next);
  return next;
}

function provinceFullName(p: DemoProvince): string {
  return `${p.city ? 'Thành phố' : 'Tỉnh'} ${p.name}`;
}

// ── Organisations ───────────────────────────────────────────────────────────────────────────────

interface Node {
  org: DemoOrg;
  day: number;
  committee: Committee;
}

interface Placeholders {
  P: string;
  t: string;
  TU: string;
  G: string;
  d?: string;
  ds?: string;
  HU?: string;
  dl?: string;
}

function fill(template: string, names: Placeholders): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (names as unknown as Record<string, string | undefined>)[key] ?? '');
}

function districtPlaceholders(names: Placeholders, district: District): Placeholders {
  const level = DISTRICT_LEVELS.find(([prefix]) => district.name.startsWith(prefix)) ?? DISTRICT_LEVELS[0];
  return { ...names, d: lowerFirst(district.name), ds: district.name.slice(level[0].length), HU: level[1], dl: level[3] };
}

/** Proportional integer split of `total` (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]] += 1;
  return out;
}

class OrgBuilder {
  readonly out: DemoOrg[] = [];
  constructor(readonly rng: Rng) {}

  add(parent: Node | null, issuer: Committee, code: string, name: string, kind: OrgKind, unitType: UnitType | null): Node {
    const rng = this.rng;
    const from = parent ? parent.day + 30 : ROOT_FOUNDED_FROM;
    const latest = Math.max(from, FOUNDED_BY[kind]);
    const day = from + rng.int(latest - from + 1);
    const [, m, d] = civil(day);
    const number = 1 + Math.floor((dayIndexOf(m, d) * 250) / 365) + rng.int(5);
    const org: DemoOrg = {
      ref: code,
      parentRef: parent?.org.ref ?? null,
      code,
      name,
      kind,
      unitType,
      foundedOn: iso(day),
      foundingDecision: { number: `${number}-QĐ/${issuer.code}`, date: iso(day), issuer: issuer.name },
    };
    this.out.push(org);
    return { org, day, committee: committeeOf(org) };
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Picks `count` distinct names in list order; numbered cells fill any shortfall. */
function chooseNames(rng: Rng, candidates: readonly string[], count: number): string[] {
  if (candidates.length <= count) {
    const out = [...candidates];
    for (let n = 1; out.length < count; n++) if (!out.includes(`số ${n}`)) out.push(`số ${n}`);
    return out;
  }
  const idx = candidates.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => candidates[i]);
}

function cellCandidates(data: { cellNames?: readonly string[]; perDistrict?: string }, names: Placeholders, districts: readonly District[]): string[] {
  const out = (data.cellNames ?? []).map((n) => fill(n, names));
  if (data.perDistrict) for (const d of districts) out.push(fill(data.perDistrict, districtPlaceholders(names, d)));
  return out;
}

function addCells(b: OrgBuilder, parent: Node, issuer: Committee, cellNames: readonly string[], unitType: UnitType | null): void {
  cellNames.forEach((n, i) => b.add(parent, issuer, `${parent.org.code}.${pad(i + 1, 2)}`, `Chi bộ ${n}`, 'cell', unitType));
}

/** A grassroots organisation from the data lists, with its sections and cells; a shrunk one (cells given) has no sections. */
function addUnit(b: OrgBuilder, upper: Node, index: number, unit: DemoUnitData, names: Placeholders, districts: readonly District[], cells = unit.cells): Node {
  const name = fill(unit.name, names);
  const code = `${upper.org.code}.${pad(index, 3)}`;
  if (unit.kind === 'grassroots_cell') return b.add(upper, upper.committee, code, `Chi bộ ${name}`, 'grassroots_cell', unit.unitType);
  const g = b.add(upper, upper.committee, code, `Đảng bộ ${name}`, 'grassroots_committee', unit.unitType);
  const sections: readonly DemoSectionData[] = cells === unit.cells ? (unit.sections ?? []) : [];
  const direct = cells - sections.reduce((a, s) => a + s.cells, 0);
  addCells(b, g, g.committee, chooseNames(b.rng, cellCandidates(unit, names, districts), direct), unit.unitType);
  sections.forEach((s, k) => {
    const section = b.add(g, g.committee, `${code}.B${k + 1}`, `Đảng bộ bộ phận ${s.name}`, 'section', unit.unitType);
    addCells(b, section, g.committee, chooseNames(b.rng, cellCandidates(s, names, districts), s.cells), unit.unitType);
  });
  return g;
}

/** Bloc units interleaved by unit type, so a smaller bloc still has every type and both kinds. */
const BLOC_ORDER: readonly DemoUnitData[] = (() => {
  const keyed: { unit: DemoUnitData; key: number; type: number }[] = [];
  Object.values(blocUnits).forEach((units, type) => units.forEach((unit, i) => keyed.push({ unit, key: (i + 0.5) / units.length, type })));
  return keyed.sort((a, b) => a.key - b.key || a.type - b.type).map((k) => k.unit);
})();

/** Members per province: one province per ~260,000 members, each its own tree (no national root). */
function planProvinces(members: number): number[] {
  const count = Math.max(1, Math.round(members / PROVINCE_MEMBERS));
  if (count > provinces.length) throw new RangeError(`at most ${provinces.length * PROVINCE_MEMBERS} members`);
  return Array.from({ length: count }, (_, p) => Math.floor(members / count) + (p < members % count ? 1 : 0));
}

export function generateDemoOrgs(opts: DemoOptions): DemoOrg[] {
  const cfg = resolveOptions(opts);
  const b = new OrgBuilder(new Rng(0));
  planProvinces(cfg.members).forEach((members, p) => {
    b.rng.reseed(mix(cfg.seed, 0x70726f76 + p));
    buildProvince(b, p, members);
  });
  return b.out;
}

function buildProvince(b: OrgBuilder, provinceIndex: number, members: number): void {
  const rng = b.rng;
  const province = provinces[provinceIndex];
  const districts = districtsOf(provinceIndex);
  const t = province.city ? 'thành phố' : 'tỉnh';
  const names: Placeholders = { P: province.name, t, TU: province.city ? 'Thành ủy' : 'Tỉnh ủy', G: province.giftedSchool ?? province.name };
  const root = b.add(null, CENTRAL, province.code, `Đảng bộ ${t} ${province.name}`, 'provincial', null);

  const blocMembers = Math.min(members, BLOC_MEMBERS);
  const blocCount = Math.max(1, Math.min(BLOC_ORDER.length, Math.round((blocMembers * BLOC_GRASSROOTS) / BLOC_MEMBERS)));
  const bloc = b.add(root, root.committee, `${province.code}.K`, `Đảng bộ Khối các cơ quan ${t}`, 'upper', null);
  const chosen = BLOC_ORDER.slice(0, blocCount);
  // A very small bloc shrinks its committees so that cells keep about a dozen members.
  const scale = Math.min(1, blocMembers / (13 * chosen.reduce((a, u) => a + Math.max(1, u.cells), 0)));
  chosen.forEach((unit, i) =>
    addUnit(b, bloc, i + 1, unit, names, districts, scale < 1 && unit.cells ? Math.max(2, Math.round(unit.cells * scale)) : unit.cells),
  );

  const localCount = Math.round((members - blocMembers) / MEMBERS_PER_LOCAL_GRASSROOTS);
  if (localCount === 0) return;
  const large = localCount >= 200;
  const police = large ? Math.round(localCount * 0.03) : 0;
  const military = large ? Math.round(localCount * 0.02) : 0;
  const enterprises = large ? Math.round(localCount * 0.05) : 0;
  const inDistricts = localCount - police - military - enterprises;

  if (police) {
    const upper = b.add(root, root.committee, `${province.code}.CA`, `Đảng bộ Công an ${t}`, 'upper', null);
    for (let i = 0; i < police; i++) {
      const name = i < policeUnits.length ? policeUnits[i] : `Đồn Công an số ${i - policeUnits.length + 1}`;
      const code = `${upper.org.code}.${pad(i + 1, 3)}`;
      if (rng.chance(0.45)) {
        b.add(upper, upper.committee, code, `Chi bộ ${name}`, 'grassroots_cell', null);
      } else {
        const g = b.add(upper, upper.committee, code, `Đảng bộ ${name}`, 'grassroots_committee', null);
        addCells(
          b,
          g,
          g.committee,
          Array.from({ length: rng.between(3, 6) }, (_, k) => `Đội ${k + 1}`),
          null,
        );
      }
    }
  }
  if (military) {
    const upper = b.add(root, root.committee, `${province.code}.QS`, `Đảng bộ Quân sự ${t}`, 'upper', null);
    for (let i = 0; i < military; i++) {
      const code = `${upper.org.code}.${pad(i + 1, 3)}`;
      if (i < militaryUnits.length && i >= 2) {
        b.add(upper, upper.committee, code, `Chi bộ ${fill(militaryUnits[i], names)}`, 'grassroots_cell', null);
        continue;
      }
      const name = i < militaryUnits.length ? fill(militaryUnits[i], names) : `Tiểu đoàn bộ binh ${i - militaryUnits.length + 1}`;
      const g = b.add(upper, upper.committee, code, `Đảng bộ ${name}`, 'grassroots_committee', null);
      const cells =
        i === 0
          ? ['Phòng Tham mưu', 'Phòng Chính trị', 'Phòng Hậu cần - Kỹ thuật', 'Ban Tài chính']
          : i === 1
            ? ['Khoa Chiến thuật', 'Khoa Chính trị', 'Phòng Đào tạo']
            : Array.from({ length: rng.between(3, 4) }, (_, k) => `Đại đội ${k + 1}`);
      addCells(b, g, g.committee, cells, null);
    }
  }
  if (enterprises) {
    const upper = b.add(root, root.committee, `${province.code}.DN`, `Đảng bộ Khối Doanh nghiệp ${t}`, 'upper', null);
    for (let i = 0; i < enterprises; i++) {
      const trade = enterpriseTrades[i % enterpriseTrades.length];
      const round = Math.floor(i / enterpriseTrades.length);
      const name = round === 0 ? `Công ty Cổ phần ${trade} ${province.name}` : `Công ty TNHH ${trade} ${province.name} số ${round}`;
      const code = `${upper.org.code}.${pad(i + 1, 3)}`;
      if (rng.chance(0.7)) {
        b.add(upper, upper.committee, code, `Chi bộ ${name}`, 'grassroots_cell', 'enterprise');
      } else {
        const g = b.add(upper, upper.committee, code, `Đảng bộ ${name}`, 'grassroots_committee', 'enterprise');
        addCells(b, g, g.committee, chooseNames(rng, enterpriseCells, rng.between(3, 7)), 'enterprise');
      }
    }
  }

  const used = districts.slice(0, Math.min(districts.length, Math.max(1, Math.round(inDistricts / 40))));
  const counts = apportion(
    inDistricts,
    used.map((d) => d.weight),
  );
  used.forEach((district, k) => {
    const dn = districtPlaceholders(names, district);
    const upper = b.add(root, root.committee, `${province.code}.H${pad(k + 1, 2)}`, `Đảng bộ ${lowerFirst(district.name)}`, 'upper', null);
    buildDistrict(b, upper, district, counts[k], dn);
  });
}

function buildDistrict(b: OrgBuilder, upper: Node, district: District, count: number, names: Placeholders): void {
  const rng = b.rng;
  let index = 0;
  for (const unit of districtUnits.slice(0, count)) {
    index += 1;
    addUnit(b, upper, index, unit, names, [], unit.cells ? Math.max(2, unit.cells + rng.between(-1, 1)) : 0);
  }
  const seen = new Set(district.communes.map(bareCommune));
  const overflow = genericCommuneNames.filter((n) => !seen.has(n)).map((n) => `Xã ${n}`);
  let next = 0;
  const nextCommune = (): string => {
    const k = next++;
    if (k < district.communes.length) return district.communes[k];
    const j = k - district.communes.length;
    return j < overflow.length ? overflow[j] : `Xã ${genericCommuneNames[j % genericCommuneNames.length]} ${Math.floor(j / genericCommuneNames.length) + 1}`;
  };
  while (index < count) {
    const commune = nextCommune();
    const bare = bareCommune(commune);
    index += 1;
    const g = b.add(upper, upper.committee, `${upper.org.code}.${pad(index, 3)}`, `Đảng bộ ${lowerFirst(commune)}`, 'grassroots_committee', null);
    const cells = ['Cơ quan', 'Quân sự', 'Công an'];
    if (isUrban(commune)) {
      const n = rng.between(10, 25);
      for (let k = 1; k <= n; k++) cells.push(`Tổ dân phố số ${k}`);
    } else {
      for (const v of chooseNames(rng, district.villageNames, rng.between(14, 29))) cells.push(`${district.village} ${v}`);
    }
    addCells(b, g, g.committee, cells, null);
    for (const school of ['Mầm non', 'Tiểu học', 'Trung học cơ sở']) {
      if (index >= count) break;
      index += 1;
      b.add(upper, upper.committee, `${upper.org.code}.${pad(index, 3)}`, `Chi bộ Trường ${school} ${bare}`, 'grassroots_cell', 'public_service');
    }
    if (index < count && rng.chance(0.15)) {
      index += 1;
      b.add(upper, upper.committee, `${upper.org.code}.${pad(index, 3)}`, `Chi bộ Hợp tác xã Nông nghiệp ${bare}`, 'grassroots_cell', 'enterprise');
    }
  }
}

// ── Members ─────────────────────────────────────────────────────────────────────────────────────

interface Leaf {
  org: DemoOrg;
  profile: WorkProfile;
  quota: number;
  provinceIndex: number;
  issuer: Committee;
  /** Code of the organisation that keeps the profile register (the upper committee). */
  registry: string;
  district: number;
  commune: string | null;
  /** "Xóm Mỗ" or "Tổ dân phố số 3" for a residential cell: its members live there. */
  village: string | null;
  upperGroup: number[];
  provinceGroup: number[];
}

const PROFILE_WEIGHT: Record<WorkProfile, number> = {
  agency: 1,
  mass: 1,
  press: 1,
  health: 1.1,
  school: 1,
  service: 1,
  enterprise: 1,
  police: 1,
  military: 0.9,
  commune: 1.1,
  village: 1.55,
};

function isCommuneCommittee(org: DemoOrg): boolean {
  return org.kind === 'grassroots_committee' && /^Đảng bộ (xã|phường|thị trấn) /.test(org.name);
}

/** What the members of a cell do, read off the names the org generator gives. */
function classify(leaf: DemoOrg, grassroots: DemoOrg, upper: DemoOrg | null): WorkProfile {
  if (isCommuneCommittee(grassroots) && leaf !== grassroots) {
    if (leaf.name === 'Chi bộ Công an') return 'police';
    if (leaf.name === 'Chi bộ Quân sự') return 'military';
    if (leaf.name === 'Chi bộ Cơ quan') return 'commune';
    return 'village';
  }
  const names = `${grassroots.name} ${upper?.name ?? ''}`;
  if (/Công an/.test(names)) return 'police';
  if (/Quân sự/.test(names)) return 'military';
  switch (grassroots.unitType) {
    case 'administrative':
      return 'agency';
    case 'mass_org':
      return 'mass';
    case 'press':
      return 'press';
    case 'enterprise':
      return 'enterprise';
    case 'public_service':
      if (/Bệnh viện|Y tế|Kiểm soát bệnh tật/.test(grassroots.name)) return 'health';
      if (/Trường/.test(grassroots.name)) return 'school';
      return 'service';
    default:
      return 'agency';
  }
}

interface Prepared {
  leaves: Leaf[];
  total: number;
  core: number;
}

function prepare(cfg: Config, orgs: readonly DemoOrg[]): Prepared {
  const byRef = new Map<string, DemoOrg>();
  const parents = new Set<string>();
  for (const o of orgs) {
    byRef.set(o.ref, o);
    if (o.parentRef) parents.add(o.parentRef);
  }
  const provinceByCode = new Map(provinces.map((p, i) => [p.code, i]));
  const upperGroups = new Map<string, number[]>();
  const provinceGroups = new Map<string, number[]>();
  const weights: number[] = [];
  const leaves: Leaf[] = [];
  for (const org of orgs) {
    if ((org.kind !== 'cell' && org.kind !== 'grassroots_cell') || parents.has(org.ref)) continue;
    let grassroots = org;
    let root = org;
    for (let o: DemoOrg | undefined = org; o; o = o.parentRef ? byRef.get(o.parentRef) : undefined) {
      if (o.kind === 'grassroots_committee' || o.kind === 'grassroots_cell') grassroots = o;
      root = o;
    }
    const upper = grassroots.parentRef ? (byRef.get(grassroots.parentRef) ?? null) : null;
    const provinceIndex = provinceByCode.get(root.code) ?? 0;
    const profile = classify(org, grassroots, upper);
    let district = -1;
    if (upper?.kind === 'upper') {
      const name = upper.name.replace(/^Đảng bộ /, '');
      district = districtsOf(provinceIndex).findIndex((d) => lowerFirst(d.name) === name);
    }
    const communeName = isCommuneCommittee(grassroots) ? upperFirst(grassroots.name.slice(8)) : null;
    const village = profile === 'village' ? upperFirst(org.name.slice(7)) : null;
    const registry = (upper ?? root).code;
    const index = leaves.length;
    const upperGroup = upperGroups.get(registry) ?? [];
    upperGroups.set(registry, upperGroup);
    upperGroup.push(index);
    const provinceGroup = provinceGroups.get(root.ref) ?? [];
    provinceGroups.set(root.ref, provinceGroup);
    provinceGroup.push(index);
    leaves.push({
      org,
      profile,
      quota: 0,
      provinceIndex,
      issuer: committeeOf(upper ?? root),
      registry,
      district,
      commune: communeName,
      village,
      upperGroup,
      provinceGroup,
    });
    const jitter = 0.6 + 0.8 * (mix(cfg.seed, hashString(org.ref)) / 4294967296);
    weights.push((org.kind === 'grassroots_cell' ? 20 : 13) * PROFILE_WEIGHT[profile] * jitter);
  }
  if (leaves.length === 0) throw new RangeError('no cells to place members in');
  const total = Math.round(cfg.members / (1 - EXIT_SHARE));
  if (total < leaves.length * MIN_QUOTA) throw new RangeError(`${cfg.members} members are too few for ${leaves.length} cells`);
  // Every cell gets MIN_QUOTA; the rest is shared by weight.
  const extra = apportion(total - leaves.length * MIN_QUOTA, weights);
  leaves.forEach((leaf, i) => (leaf.quota = MIN_QUOTA + extra[i]));
  return { leaves, total, core: leaves.length * CORE_MEMBERS };
}

/** Cumulative admission-year shares: flat over the recent years, thinner further back (those members have retired). */
function admissionYears(cfg: Config): { years: number[]; cum: number[] } {
  const years: number[] = [];
  const weights: number[] = [];
  const recentFrom = cfg.todayY - RECENT_YEARS + 1;
  for (let y = FIRST_ADMISSION_YEAR; y <= cfg.todayY; y++) {
    years.push(y);
    weights.push(y >= recentFrom ? 1 : 0.42 + (0.56 * (y - FIRST_ADMISSION_YEAR)) / Math.max(1, recentFrom - 1 - FIRST_ADMISSION_YEAR));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return { years, cum: weights.map((w) => (acc += w / sum)) };
}

const EXIT_KINDS = new Table([
  ['strike_off', 45],
  ['death', 35],
  ['withdrawal', 20],
]);

interface Tables {
  kinh: Table;
  families: Map<string, Table>;
  middleMale: Table;
  middleFemale: Table;
  ethnicityHB: Table;
  ethnicityElsewhere: Table;
  religionHB: Table;
  religionElsewhere: Table;
  origins: Table;
  work: Record<WorkProfile, { jobs: Table; positions: Table; qualifications: Table; theory: Table; female: number; ordinary: string }>;
  /** Hòa Bình district of origin by ethnicity: minorities come from where they live. */
  originDistrict: Map<string, Table>;
}

let tables: Tables | null = null;

function getTables(): Tables {
  if (tables) return tables;
  const profiles = Object.keys(work) as WorkProfile[];
  const originDistrict = new Map<string, Table>();
  for (const eth of ['Kinh', 'Mường', 'Thái', 'Tày', 'Dao', 'Mông', 'Nùng']) {
    const rows: [string, number][] = hoaBinhDistricts.map((d, i) => {
      const share = d.ethnicity.find(([e]) => e === eth)?.[1] ?? 0;
      return [String(i), d.weight * (share || 0.5)];
    });
    originDistrict.set(eth, new Table(rows));
  }
  tables = {
    kinh: new Table(familyNamesKinh),
    families: new Map(Object.entries(familyNamesByEthnicity).map(([k, v]) => [k, new Table(v)])),
    middleMale: new Table(middleNamesMale),
    middleFemale: new Table(middleNamesFemale),
    ethnicityHB: new Table(ethnicityHoaBinh),
    ethnicityElsewhere: new Table(ethnicityElsewhere),
    religionHB: new Table(religionHoaBinh),
    religionElsewhere: new Table(religionElsewhere),
    origins: new Table(originProvinces),
    work: Object.fromEntries(
      profiles.map((p) => [
        p,
        {
          jobs: new Table(work[p].jobs),
          positions: new Table(work[p].positions),
          qualifications: new Table(work[p].qualifications),
          theory: new Table(work[p].theory),
          female: work[p].female,
          ordinary: work[p].positions[0][0],
        },
      ]),
    ) as Tables['work'],
    originDistrict,
  };
  return tables;
}

interface PendingEvent {
  day: number;
  order: number;
  kind: DemoEvent['kind'];
}

/** Streams the members of `orgs` (from generateDemoOrgs with the same options), cell by cell. */
export function* generateDemoMembers(opts: DemoOptions, orgs: DemoOrg[]): Generator<DemoMember> {
  const cfg = resolveOptions(opts);
  const { leaves, total, core } = prepare(cfg, orgs);
  const T = getTables();
  const rng = new Rng(0);
  const { years, cum } = admissionYears(cfg);
  const fullCut = cum[years.indexOf(cfg.todayY - 2)];
  const weylBase = mix(cfg.seed, 0x7765796c) / 4294967296;
  const exitChance = (EXIT_SHARE * total) / (total - core);
  const cardOffset = mix(cfg.seed, 0x63617264) % 90_000_000;
  const idOffset = mix(cfg.seed, 0x69646e6f) % 1_000_000;
  const memberSeed = mix(cfg.seed, 0x6d656d62);
  const todayIndex = dayIndexOf(cfg.todayM, cfg.todayD);
  const oldest = dayOf(cfg.todayY - 66, cfg.todayM, cfg.todayD) + 1;
  const youngest = dayOf(cfg.todayY - 22, cfg.todayM, cfg.todayD);
  const idSerials = new Map<number, number>();
  const registers = new Map<string, number>();
  const addressesHaveSuccessors = cfg.today >= MERGER_DAY;

  const decision = (day: number, issuer: Committee, type: string): DemoDecision => {
    const [, m, d] = civil(day);
    return { number: `${1 + Math.floor(dayIndexOf(m, d) * 1.6) + rng.int(4)}-${type}/${issuer.code}`, date: iso(day), issuer: issuer.name };
  };

  const address = (provinceIndex: number, district: District, commune: string, current: boolean, detail?: string): Address => {
    const province = provinces[provinceIndex];
    const out: Address = {
      old: { province: provinceFullName(province), district: district.name, commune },
      current: current ? { province: province.mergedInto, commune: successorOf(district, commune) } : null,
    };
    if (detail) out.detail = detail;
    return out;
  };

  let i = 0;
  for (let li = 0; li < leaves.length; li++) {
    const leaf = leaves[li];
    const start = i;
    const q = leaf.quota;
    // The three earliest-admitted members of the cell (smallest Weyl values) are its core.
    const us = new Float64Array(q);
    for (let k = 0; k < q; k++) us[k] = (weylBase + (start + k) * GOLDEN) % 1;
    const coreSet = new Set([...us.keys()].sort((a, b) => us[a] - us[b]).slice(0, CORE_MEMBERS));
    const province = provinces[leaf.provinceIndex];
    const hoaBinh = province.code === 'HB';
    const districts = districtsOf(leaf.provinceIndex);
    const w = T.work[leaf.profile];

    for (let k = 0; k < q; k++, i++) {
      rng.reseed(mix(memberSeed, i));
      const isCore = coreSet.has(k);
      let u = us[k];
      if (isCore && u >= fullCut) u *= fullCut;

      // Admission: the year from a low-discrepancy sequence keeps yearly counts steady; never on 29/2.
      let yi = 0;
      while (yi < cum.length - 1 && u >= cum[yi]) yi++;
      const year = years[yi];
      const [am, ad] = MONTH_DAY[rng.int(year === cfg.todayY ? todayIndex + 1 : 365)];
      const admitted = dayOf(year, am, ad);
      const confirmDay = dayOf(year + 1, am, ad);

      // Birth: 18–60 at admission (RULES.md), 22–65 today; most join between 20 and 40.
      const lo = Math.max(oldest, dayOf(year - 60, am, ad));
      const hi = Math.min(youngest, dayOf(year - 18, am, ad));
      let born = -1;
      for (let tries = 0; tries < 3 && born < 0; tries++) {
        const b = admitted - Math.round((20 + 10 * (rng.next() + rng.next())) * 365.25);
        if (b >= lo && b <= hi) born = b;
      }
      if (born < 0) born = lo + rng.int(hi - lo + 1);
      const [by] = civil(born);
      const age = cfg.todayY - by;

      // Exits and transfers, since 2015.
      let exitDay = -1;
      let exitKind: DemoEvent['kind'] = 'strike_off';
      const exitFrom = Math.max(HISTORY_FROM, admitted + 60);
      if (!isCore && exitFrom <= cfg.today && rng.chance(exitChance)) {
        exitDay = exitFrom + rng.int(cfg.today - exitFrom + 1);
        // Not confirmed by then: struck off the probationary list (RULES.md, confirmation).
        exitKind = exitDay < confirmDay ? (rng.chance(0.85) ? 'strike_off' : 'death') : (EXIT_KINDS.draw(rng) as DemoEvent['kind']);
      }
      const confirmed = confirmDay <= cfg.today && (exitDay < 0 || exitDay >= confirmDay);

      const chain = [li];
      const transferFrom = Math.max(HISTORY_FROM, admitted + 90);
      const transferTo = exitDay >= 0 ? exitDay - 1 : cfg.today;
      const roll = rng.next();
      const transfers = transferTo - transferFrom < 30 ? 0 : roll < 0.015 ? 2 : roll < 0.09 ? 1 : 0;
      const transferDays: number[] = [];
      for (let t = 0; t < transfers; t++) {
        const group = rng.chance(0.7) ? leaf.upperGroup : leaf.provinceGroup;
        const prev = group[rng.int(group.length)];
        if (prev === chain[0]) continue;
        chain.unshift(prev);
        transferDays.push(transferFrom + rng.int(transferTo - transferFrom + 1));
      }
      transferDays.sort((a, b) => a - b);

      const pending: PendingEvent[] = [{ day: admitted, order: 0, kind: 'admission' }];
      if (confirmed) pending.push({ day: confirmDay, order: 1, kind: 'confirmation' });
      for (const d of transferDays) pending.push({ day: d, order: 2, kind: 'transfer' });
      if (exitDay >= 0) pending.push({ day: exitDay, order: 3, kind: exitKind });
      pending.sort((a, b) => a.day - b.day || a.order - b.order);
      let at = 0;
      const events: DemoEvent[] = pending.map((e) => {
        const from = leaves[chain[at]];
        let dec: DemoDecision;
        if (e.kind === 'transfer') {
          // The sending side's committee issues the transfer letter (giấy giới thiệu, GGT).
          dec = decision(e.day, from.issuer, 'GGT');
          at += 1;
        } else if (e.kind === 'confirmation') {
          dec = decision(Math.min(cfg.today, e.day + rng.int(21)), from.issuer, 'QĐ');
        } else {
          dec = decision(e.day, from.issuer, e.kind === 'death' ? 'TB' : 'QĐ');
        }
        return { kind: e.kind, occurredOn: iso(e.day), orgRef: leaves[chain[at]].org.ref, decision: dec };
      });

      // Person.
      const ethnicity = hoaBinh
        ? (leaf.district >= 0 ? (districts[leaf.district].ethnicity ?? T.ethnicityHB) : T.ethnicityHB).draw(rng)
        : T.ethnicityElsewhere.draw(rng);
      const gender: Gender = rng.chance(w.female) ? 'female' : 'male';
      const family = (ethnicity === 'Kinh' ? T.kinh : (T.families.get(ethnicity) ?? T.kinh)).draw(rng);
      let middle: string;
      let given: string;
      const minority = ethnicity !== 'Kinh';
      if (ethnicity === 'Mông') {
        middle = gender === 'male' ? 'A' : 'Thị';
        given = rng.pick(gender === 'male' ? givenNamesMongMale : givenNamesMongFemale);
      } else if (gender === 'male') {
        const van = (by < 1975 ? 0.55 : by < 1990 ? 0.4 : 0.25) + (minority ? 0.25 : 0);
        middle = rng.chance(van) ? 'Văn' : T.middleMale.draw(rng);
        given = rng.pick(givenNamesMale);
        if (given === middle) given = rng.pick(givenNamesMale.filter((g) => g !== middle));
      } else {
        const thi = (by < 1975 ? 0.8 : by < 1990 ? 0.6 : 0.4) + (minority ? 0.1 : 0);
        middle = rng.chance(thi) ? (rng.chance(0.12) ? `Thị ${T.middleFemale.draw(rng)}` : 'Thị') : T.middleFemale.draw(rng);
        given = rng.pick(givenNamesFemale);
        if (middle.endsWith(given)) given = rng.pick(givenNamesFemale.filter((g) => !middle.endsWith(g)));
      }

      // Residence: the village or commune of the cell, else the district of the organisation or the provincial capital.
      const resDistrictIndex = leaf.district >= 0 ? leaf.district : rng.chance(0.6) ? 0 : rng.int(districts.length);
      const resDistrict = districts[resDistrictIndex];
      const resCommune = leaf.commune ?? rng.pick(resDistrict.communes);
      const detail =
        leaf.village ?? (isUrban(resCommune) ? `Tổ ${1 + rng.int(25)}` : `${upperFirst(resDistrict.village)} ${rng.pick(resDistrict.villageNames)}`);
      const residence = address(leaf.provinceIndex, resDistrict, resCommune, addressesHaveSuccessors, detail);

      let placeOfOrigin: Address;
      const fromHome = hoaBinh ? minority || rng.chance(0.55) : rng.chance(0.8);
      if (fromHome) {
        const dIndex = hoaBinh ? Number((T.originDistrict.get(ethnicity) ?? T.originDistrict.get('Kinh')!).draw(rng)) : rng.int(districts.length);
        const d = districts[dIndex];
        placeOfOrigin = address(leaf.provinceIndex, d, rng.pick(d.communes), addressesHaveSuccessors && rng.chance(0.75));
      } else {
        const other = hoaBinh ? T.origins.draw(rng) : provinceFullName(provinces[(leaf.provinceIndex + 1 + rng.int(provinces.length - 1)) % provinces.length]);
        placeOfOrigin = {
          old: { province: other, district: `Huyện ${rng.pick(genericDistrictNames)}`, commune: `Xã ${rng.pick(genericCommuneNames)}` },
          current: null,
        };
      }

      // Work.
      const partyYears = (cfg.today - admitted) / 365.25;
      let position = w.positions.draw(rng);
      const senior = leadershipTitle.test(position);
      if (senior && (age < 33 || partyYears < 5)) position = w.ordinary;
      if (!hoaBinh && position === 'Trưởng xóm') position = 'Trưởng thôn';
      const leader = senior && position !== w.ordinary;
      let theoryLevel: TheoryLevel;
      if (partyYears < 2) theoryLevel = rng.chance(0.4) ? 'none' : 'elementary';
      else if (leader) theoryLevel = rng.chance(0.65) ? 'advanced' : rng.chance(0.3) ? 'bachelor' : 'intermediate';
      else theoryLevel = w.theory.draw(rng) as TheoryLevel;
      let job = w.jobs.draw(rng);
      if (job === 'Nghỉ hưu' && age < 56) job = 'Nông dân';
      const education = leaf.profile === 'village' && rng.chance(0.1) ? '9/12' : by < 1968 && rng.chance(0.2) ? '10/10' : '12/12';

      // Identifiers: serials are bijections of counters, so they never repeat.
      const century = (by >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
      const idKey = Number(province.idCode) * 1000 + century * 100 + (by % 100);
      const serial = idSerials.get(idKey) ?? 0;
      if (serial >= 1_000_000) throw new RangeError('too many members born in one year for one province');
      idSerials.set(idKey, serial + 1);
      const nationalId = `${province.idCode}${century}${pad(by % 100, 2)}${pad((serial * 618_033 + idOffset) % 1_000_000, 6)}`;
      const cardNumber = confirmed ? String(10_000_000 + ((i * 7_654_321 + cardOffset) % 90_000_000)) : null;
      const register = (registers.get(leaf.registry) ?? 0) + 1;
      registers.set(leaf.registry, register);

      yield {
        ref: `M${pad(i + 1, 7)}`,
        fullName: `${family} ${middle} ${given}`,
        gender,
        birthDate: iso(born),
        placeOfOrigin,
        residence,
        ethnicity,
        religion: (hoaBinh ? T.religionHB : T.religionElsewhere).draw(rng),
        education,
        professionalQualification: w.qualifications.draw(rng),
        theoryLevel,
        job,
        position,
        nationalId,
        cardNumber,
        profileNumber: `${leaf.registry}-${pad(register, 6)}`,
        events,
      };
    }
  }
}
