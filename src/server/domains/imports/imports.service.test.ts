import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { auditHistoryOf, verifyAuditChain } from '../audit/audit.service.js';
import { listMembers } from '../members/members.service.js';
import type { Address } from '../../../shared/member.js';
import { encodeTcvn3, encodeVni } from './legacy-encoding.js';
import { commitImport } from './imports.service.js';
import {
  checkBuffer,
  exportBuffer,
  importBuffer,
  memberHeaders,
  memberRow,
  orgHeaders,
  orgRow,
  recordCounts,
  sheetRows,
  workbook,
} from './imports.test-helper.js';

const structured: Address = {
  old: { commune: 'Xã Đông Hòa', district: 'Huyện Đông Hưng', province: 'Tỉnh Thái Bình' },
  current: { commune: 'Xã Đông Hưng', province: 'Tỉnh Hưng Yên' },
  detail: 'Thôn Nam, số 5',
};

const people = [
  { fullName: 'Nguyễn Văn An', gender: 'male', residence: structured, status: 'full' },
  { fullName: 'Trần Thị Bích Ngọc', gender: 'female', residence: { old: null, current: { commune: 'Phường Tân Thịnh', province: 'Tỉnh Phú Thọ' } }, status: 'full' },
  { fullName: 'Lê Hữu Nghĩa', gender: 'male', placeOfOrigin: { old: null, current: null, detail: 'Xã Yên Mỹ, huyện Yên Lập, tỉnh Phú Thọ' }, status: 'probationary' },
  { fullName: "H'Hen Niê", gender: 'female', status: 'probationary', position: '-' },
  { fullName: 'Đỗ Thị Hà', gender: 'female', status: 'full', noIds: true },
  { fullName: 'Phạm Ngọc Quỳnh Hương', gender: 'female', status: 'full', job: '=1+1 không phải công thức' },
] as const;

/** Records as officials keep them: both address forms, missing IDs, probationary and full, text that looks like a formula. */
async function seedRecords(database: Database) {
  const ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  const cells = [tree.a1, tree.a2, tree.b1, tree.b2];
  for (let i = 0; i < 24; i++) {
    const p = people[i % people.length];
    await makeMember(ctx, cells[i % cells.length].id, {
      fullName: i < people.length ? p.fullName : `${p.fullName} ${['Minh', 'Hòa', 'Thành', 'Lan'][i % 4]}`,
      gender: p.gender,
      birthDate: `19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
      status: p.status,
      admittedOn: `20${String(10 + (i % 12)).padStart(2, '0')}-05-19`,
      confirmedOn: p.status === 'full' ? `20${String(11 + (i % 12)).padStart(2, '0')}-05-19` : null,
      residence: 'residence' in p ? p.residence : null,
      placeOfOrigin: 'placeOfOrigin' in p ? p.placeOfOrigin : null,
      position: 'position' in p ? p.position : 'Chuyên viên',
      job: 'job' in p ? p.job : 'Công chức',
      theoryLevel: (['none', 'elementary', 'intermediate', 'advanced', 'bachelor'] as const)[i % 5],
      ...('noIds' in p ? { nationalId: null, cardNumber: null } : {}),
    });
  }
  return tree;
}

describe('export → import → export', () => {
  let source: { database: Database; drop: () => Promise<void> };
  let target: { database: Database; drop: () => Promise<void> };
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await seedRecords(source.database);
  });
  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
  });

  it('round-trips the scope exactly through an empty database', async () => {
    const first = await exportBuffer(ctxFor(source.database));
    const job = await importBuffer(ctxFor(target.database), target.database, first);
    expect(job.status).toBe('committed');
    expect(job.counts).toMatchObject({ orgs: { created: 7, updated: 0, unchanged: 0 }, members: { created: 24, updated: 0, unchanged: 0 }, errors: 0 });
    const second = await exportBuffer(ctxFor(target.database));
    const [a, b] = await Promise.all([sheetRows(first), sheetRows(second)]);
    expect(a.length).toBe(1 + 7 + 1 + 24);
    expect(b).toEqual(a);
  });

  it('changes nothing when the same file is imported again', async () => {
    const ctx = ctxFor(target.database);
    const file = await exportBuffer(ctx);
    const before = await recordCounts(target.database);
    // The four records without card number or citizen ID are found by name and birth date, which the user confirms.
    const job = await importBuffer(ctx, target.database, file, { confirmNameMatches: true });
    expect(job.counts).toMatchObject({ orgs: { created: 0, updated: 0, unchanged: 7 }, members: { created: 0, updated: 0, unchanged: 24 }, nameMatches: 4, warnings: 4 });
    expect(await recordCounts(target.database)).toEqual(before);
    expect(await sheetRows(await exportBuffer(ctx))).toEqual(await sheetRows(file));
  });

  it('audits every created record with the import as the reason, and the chain verifies', async () => {
    const ctx = ctxFor(target.database);
    const members = await listMembers(ctx, { page: 1, pageSize: 50 });
    expect(members.total).toBe(24);
    for (const m of members.items.slice(0, 5)) {
      const history = await auditHistoryOf(ctx, 'member', m.id);
      expect(history.find((h) => h.action === 'create')?.reason).toMatch(/^Nhập từ tệp "du-lieu\.xlsx" \(lần nhập số 1\)/);
    }
    expect((await verifyAuditChain(ctx)).ok).toBe(true);
  });
});
