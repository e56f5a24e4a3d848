/**
 * Import speed (issue #5): a generated .xlsx in the template layout, imported into an empty database —
 * the dry run (upload + check) and the commit, timed apart and together.
 *   demo bloc, 4,200 members: ≤ 10 s on each engine
 *   province, 260,000 members (--large): ≤ 3 min on PostgreSQL, ≤ 6 min embedded
 * The file comes from the demo generator, so it holds what real lists hold (both address forms,
 * probationary and full members, ethnic-minority names), written as a stream like a real export.
 *
 *   npx tsx bench/import.bench.ts [--large] [--only embedded|postgres]
 * PostgreSQL: BENCH_DATABASE_URL (a server where databases may be created), default postgres://postgres@127.0.0.1:5432/postgres.
 */
import { createScratchDatabase } from '../src/server/db/scratch-database.js';
import { once } from 'node:events';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { prepareDatabase, systemCtx } from '../src/server/bootstrap.js';
import { openDatabase, type Database } from '../src/server/db/client.js';
import { writeXlsx } from '../src/server/export/xlsx-export.js';
import { generateDemoMembers, generateDemoOrgs } from '../src/server/domains/demo/demo.generator.js';
import { templateColumnsFor } from '../src/server/domains/imports/imports.export.js';
import { formatAddressText } from '../src/server/domains/imports/imports.rules.js';
import { checkImport, commitImport, importsDir, receiveUpload, setImportsDir } from '../src/server/domains/imports/imports.service.js';
import { genderLabels, theoryLevelLabels } from '../src/shared/member.js';
import { grassrootsKinds, orgKindLabels, unitTypeLabels } from '../src/shared/org.js';

export interface ImportBenchRow {
  engine: 'embedded' | 'postgres';
  name: string;
  ms: number;
  target: number | null;
  ok: boolean;
  rows?: number;
}

export interface ImportBenchOptions {
  /** Also the province-sized file (260,000 members). */
  large?: boolean;
  only?: 'embedded' | 'postgres';
  log?: (line: string) => void;
}

const quiet = pino({ level: 'silent' });
const exits = new Set(['strike_off', 'withdrawal', 'death']);

/** The demo generator's bloc or province as an import file: organisations, then the members still in the party. */
export async function writeBenchFile(path: string, members: number): Promise<void> {
  const options = { members, seed: 20221122 };
  const orgs = generateDemoOrgs(options);
  const codeOf = new Map(orgs.map((o) => [o.ref, o.code]));
  const orgRows = orgs.map((o) => ({
    code: o.code,
    name: o.name,
    kind: orgKindLabels[o.kind],
    parent: o.parentRef ? codeOf.get(o.parentRef) : '',
    unitType: grassrootsKinds.includes(o.kind) && o.unitType ? unitTypeLabels[o.unitType] : '',
    foundedOn: o.foundedOn,
    foundingDecisionNumber: o.foundingDecision.number,
    foundingDecisionIssuer: o.foundingDecision.issuer,
  }));
  function* memberRows() {
    for (const m of generateDemoMembers(options, orgs)) {
      const last = m.events[m.events.length - 1];
      if (exits.has(last.kind)) continue;
      const confirmation = m.events.find((e) => e.kind === 'confirmation');
      yield {
        fullName: m.fullName,
        gender: genderLabels[m.gender],
        birthDate: m.birthDate,
        org: codeOf.get(last.orgRef),
        status: confirmation ? 'Chính thức' : 'Dự bị',
        admittedOn: m.events[0].occurredOn,
        confirmedOn: confirmation?.occurredOn ?? null,
        cardNumber: m.cardNumber,
        nationalId: m.nationalId,
        profileNumber: m.profileNumber,
        ethnicity: m.ethnicity,
        religion: m.religion,
        education: m.education,
        professionalQualification: m.professionalQualification,
        theoryLevel: theoryLevelLabels[m.theoryLevel],
        job: m.job,
        position: m.position,
        placeOfOrigin: formatAddressText(m.placeOfOrigin),
        residence: formatAddressText(m.residence),
      };
    }
  }
  const out = createWriteStream(path);
  await writeXlsx(out, [
    { name: 'Tổ chức', columns: templateColumnsFor('org'), rows: orgRows },
    { name: 'Đảng viên', columns: templateColumnsFor('member'), rows: memberRows() },
  ]);
  if (!out.writableFinished) await once(out, 'finish');
}

async function freshDatabase(engine: 'embedded' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (engine === 'embedded') {
    const database = await openDatabase({});
    await prepareDatabase(database, quiet);
    return { database, drop: () => database.close() };
  }
  const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  return createScratchDatabase(baseUrl, 'dangvu_bench_import', (database) => prepareDatabase(database, quiet));
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Times one import of `path` into an empty database of `engine`. */
async function importOnce(
  engine: 'embedded' | 'postgres',
  path: string,
  label: string,
  target: number,
  log: (line: string) => void,
): Promise<ImportBenchRow[]> {
  const { database, drop } = await freshDatabase(engine);
  try {
    const ctx = systemCtx(database, quiet, 'Đo tốc độ nhập');
    const started = performance.now();
    const upload = await receiveUpload(ctx, { fileName: 'bench.xlsx', body: createReadStream(path) });
    const checked = await checkImport(ctx, upload.id);
    const checkedAt = performance.now();
    if (!checked.canCommit) throw new Error(`bench file not importable: ${checked.message ?? JSON.stringify(checked.problems.slice(0, 3))}`);
    const done = await commitImport(ctx, database, upload.id, { acceptWarnings: true, confirmNameMatches: true });
    const finished = performance.now();
    if (done.status !== 'committed') throw new Error(`bench import failed: ${done.message}`);
    const rows = done.counts!.members.created;
    const result: ImportBenchRow[] = [
      { engine, name: `${label}: dry run (upload + check)`, ms: Math.round(checkedAt - started), target: null, ok: true, rows },
      { engine, name: `${label}: commit`, ms: Math.round(finished - checkedAt), target: null, ok: true, rows },
      { engine, name: `${label}: dry run + commit`, ms: Math.round(finished - started), target, ok: finished - started <= target, rows },
    ];
    for (const r of result)
      log(
        `${r.ok ? 'ok  ' : 'SLOW'} ${engine.padEnd(9)} ${r.name.padEnd(52)} ${seconds(r.ms).padStart(9)}${r.target ? `  (target ≤ ${seconds(r.target)})` : ''}  ${Math.round((rows / r.ms) * 1000)} members/s`,
      );
    return result;
  } finally {
    await drop();
  }
}

/** What `npm run bench` calls; returns one row per measurement. */
export async function runImportBench(options: ImportBenchOptions = {}): Promise<ImportBenchRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const dir = await mkdtemp(join(tmpdir(), 'dangvu-bench-import-'));
  const previousDir = importsDir();
  setImportsDir(join(dir, 'uploads'));
  const engines = (['embedded', 'postgres'] as const).filter((e) => !options.only || options.only === e);
  const sizes = [{ members: 4200, label: 'import demo bloc (4,200 members)', targets: { embedded: 10_000, postgres: 10_000 } }];
  if (options.large) sizes.push({ members: 260_000, label: 'import province (260,000 members)', targets: { embedded: 360_000, postgres: 180_000 } });
  const rows: ImportBenchRow[] = [];
  try {
    for (const size of sizes) {
      const path = join(dir, `bench-${size.members}.xlsx`);
      const generated = performance.now();
      await writeBenchFile(path, size.members);
      log(`     generated ${path} (${(statSync(path).size / 1024 / 1024).toFixed(1)} MB) in ${seconds(performance.now() - generated)}`);
      for (const engine of engines) {
        try {
          rows.push(...(await importOnce(engine, path, size.label, size.targets[engine], log)));
        } catch (error) {
          if (engine !== 'postgres') throw error;
          log(`     PostgreSQL import benchmark skipped: ${(error as Error).message}`);
        }
      }
    }
  } finally {
    setImportsDir(previousDir);
    await rm(dir, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] as 'embedded' | 'postgres') : undefined;
  await runImportBench({ large: args.includes('--large'), only });
  process.exit(0);
}
