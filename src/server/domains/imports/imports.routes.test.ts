import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { makeTree } from '../../test/factories.js';
import { ADMIN, loginClient, PASSWORD, type TestClient } from '../../test/http-client.js';
import { expectRefusal } from '../../test/refusals.js';
import { createUser } from '../users/users.service.js';
import type { ImportJob } from '../../../shared/imports.js';
import { memberHeaders, memberRow, recordCounts, sheetRows, workbook } from './imports.test-helper.js';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
const clients: Record<'admin' | 'official' | 'secretary', TestClient> = {} as never;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  await createUser(ctx, { ...ADMIN, password: PASSWORD });
  await createUser(ctx, { username: 'canbo.a', displayName: 'Cán bộ A', role: 'org_staff', orgId: tree.a.id, memberId: null, password: PASSWORD });
  await createUser(ctx, { username: 'bithu.a', displayName: 'Bí thư A', role: 'secretary', orgId: tree.a.id, memberId: null, password: PASSWORD });
  app = await buildApp({ database, logger: false });
  clients.admin = await loginClient(app, 'quantri', PASSWORD);
  clients.official = await loginClient(app, 'canbo.a', PASSWORD);
  clients.secretary = await loginClient(app, 'bithu.a', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

const upload = (client: TestClient, bytes: Buffer, fileName: string) =>
  client.send('POST', `/api/v1/imports?filename=${encodeURIComponent(fileName)}`, bytes, { 'content-type': 'application/octet-stream' });

/** Polls the job as the import screen does until it leaves the running states. */
async function settled(client: TestClient, id: number): Promise<ImportJob> {
  for (let i = 0; i < 200; i++) {
    const job = (await client.get(`/api/v1/imports/${id}`)).body as ImportJob;
    if (job.status !== 'checking' && job.status !== 'committing') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import did not finish');
}

async function download(client: TestClient, url: string) {
  const response = await app.inject({ method: 'GET', url, headers: { cookie: client.cookie } });
  return { status: response.statusCode, type: String(response.headers['content-type']), bytes: response.rawPayload };
}

describe('import over HTTP', () => {
  it('uploads the raw file, reports the dry run with its problems as .xlsx, and commits', async () => {
    const file = await workbook({
      'Đảng viên': [
        memberHeaders,
        memberRow({
          fullName: 'Hồ Văn Mạng',
          gender: 'Nam',
          birthDate: '01/02/1983',
          org: tree.a1.code,
          admittedOn: '03/02/2012',
          confirmedOn: '03/02/2013',
          cardNumber: '81000001',
        }),
        memberRow({
          fullName: 'Hồ Thị Lỗi',
          gender: 'Nữ',
          birthDate: '01/02/2093',
          org: tree.a1.code,
          admittedOn: '03/02/2012',
          confirmedOn: '03/02/2013',
          cardNumber: '81000002',
        }),
      ],
    });
    const started = await upload(clients.official, file, 'dang-vien.xlsx');
    expect(started.status).toBe(202);
    const checked = await settled(clients.official, started.body.id);
    expect(checked).toMatchObject({ status: 'checked', canCommit: false, counts: { errors: 1, members: { created: 1 } } });
    expect(checked.problems[0]).toMatchObject({
      severity: 'error',
      code: 'FUTURE_DATE',
      sheet: 'Đảng viên',
      row: 3,
      column: 'C',
      field: 'Ngày sinh',
      value: '01/02/2093',
    });

    const report = await download(clients.official, `/api/v1/imports/${checked.id}/problems.xlsx`);
    expect(report.status).toBe(200);
    const rows = await sheetRows(report.bytes);
    expect(rows[0].cells).toEqual(['Mức độ', 'Trang tính', 'Dòng', 'Cột', 'Trường', 'Giá trị trong tệp', 'Vấn đề', 'Cách sửa']);
    expect(rows[1].cells.slice(0, 6)).toEqual(['Lỗi', 'Đảng viên', 3, 'C', 'Ngày sinh', '01/02/2093']);

    const refused = await clients.official.send('POST', `/api/v1/imports/${checked.id}/commit`, { acceptWarnings: true });
    expectRefusal(refused, { code: 'CONFLICT', message: /còn 1 lỗi/ });

    const fixed = await workbook({
      'Đảng viên': [
        memberHeaders,
        memberRow({
          fullName: 'Hồ Văn Mạng',
          gender: 'Nam',
          birthDate: '01/02/1983',
          org: tree.a1.code,
          admittedOn: '03/02/2012',
          confirmedOn: '03/02/2013',
          cardNumber: '81000001',
        }),
      ],
    });
    const again = await settled(clients.official, (await upload(clients.official, fixed, 'dang-vien.xlsx')).body.id);
    expect(again.canCommit).toBe(true);
    const commit = await clients.official.send('POST', `/api/v1/imports/${again.id}/commit`, { acceptWarnings: false, confirmNameMatches: false });
    expect(commit.status).toBe(202);
    const done = await settled(clients.official, again.id);
    expect(done).toMatchObject({ status: 'committed', counts: { members: { created: 1 } } });
    expect((await recordCounts(database)).members).toBe(1);

    const history = (await clients.official.get('/api/v1/imports')).body.items;
    expect(history.map((i: { id: number; status: string }) => [i.id, i.status])).toEqual([
      [again.id, 'committed'],
      [checked.id, 'checked'],
    ]);
  });

  it('asks for the raw file when the upload is sent as JSON', async () => {
    const response = await clients.official.send('POST', '/api/v1/imports?filename=x.xlsx', { file: 'abc' });
    expectRefusal(response, { code: 'INVALID_INPUT', message: /application\/octet-stream/ });
  });

  it('answers a renamed non-spreadsheet with 400 and a Vietnamese message', async () => {
    const response = await upload(clients.official, Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'dang-vien.xlsx');
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('PDF') });
  });

  it('keeps imports to organisation staff and admins, and each official to their own subtree', async () => {
    expectRefusal(await upload(clients.secretary, Buffer.from('a,b\n1,2\n'), 'x.csv'), { code: 'FORBIDDEN', message: 'nhập dữ liệu' });
    const adminJob = await settled(clients.admin, (await upload(clients.admin, Buffer.from('Họ và tên,Ngày sinh\nA,1\n'), 'x.csv')).body.id);
    expectRefusal(await clients.official.get(`/api/v1/imports/${adminJob.id}`), { code: 'NOT_FOUND' });
    expect((await clients.admin.get(`/api/v1/imports/${adminJob.id}`)).status).toBe(200);
  });

  it('serves the template and the scope export in the template layout', async () => {
    const template = await download(clients.official, '/api/v1/imports/template.xlsx');
    expect(template.status).toBe(200);
    const exported = await download(clients.official, '/api/v1/imports/export.xlsx');
    expect(exported.type).toContain('spreadsheetml');
    const rows = await sheetRows(exported.bytes);
    // The official of A sees A and its two cells, and the members of A (whichever tests imported them before this one).
    const codes = rows.filter((r) => r.sheet === 'Tổ chức').map((r) => r.cells[0]);
    expect(codes.slice(0, 2)).toEqual(['Mã tổ chức (*)', tree.a.code]);
    expect(codes.slice(2).sort()).toEqual([tree.a1.code, tree.a2.code].sort());
    const names = rows.filter((r) => r.sheet === 'Đảng viên').map((r) => r.cells[0]);
    const listed = (await clients.official.get('/api/v1/members?pageSize=200')).body.items.map((m: { fullName: string }) => m.fullName);
    expect(names[0]).toBe('Họ và tên (*)');
    expect(names.slice(1).sort()).toEqual([...listed].sort());
  });
});
