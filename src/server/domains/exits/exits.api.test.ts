import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { loginClient, type TestClient } from '../../test/http-client.js';
import { createUser } from '../users/users.service.js';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let staff: TestClient;
const PASSWORD = 'mat-khau-thu-123';

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  await createUser(ctx, { username: 'canbo.a', displayName: 'Cán bộ A', role: 'org_staff', orgId: tree.a.id, memberId: null, password: PASSWORD });
  app = await buildApp({ database, logger: false, now: () => new Date('2026-03-02T03:00:00Z') });
  staff = await loginClient(app, 'canbo.a', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

const event = (kind: 'contact_lost' | 'contact_restored', occurredOn: string, version: number, reason?: string) => ({
  kind,
  occurredOn,
  decision: { ...decision(occurredOn), issuer: 'Chi bộ Văn phòng Sở' },
  ...(reason ? { reason } : {}),
  version,
});

describe('party age over HTTP (RULES.md "Party age")', () => {
  it('subtracts a loss of contact of exactly January as one month, and lists it as its own kind', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, {
      fullName: 'Lâm Văn Xa',
      admittedOn: '2006-02-01',
      confirmedOn: '2007-02-01',
      decision: decision('2007-02-01'),
    });
    const before = await staff.get(`/api/v1/members/${member.id}/party-age`);
    expect(before.body).toMatchObject({ years: 20, months: 1, totalMonths: 241, notShownReason: null, interruptions: [] });

    const lost = await staff.send(
      'POST',
      `/api/v1/members/${member.id}/events`,
      event('contact_lost', '2010-01-01', member.version, 'Đi làm ăn xa, không báo địa chỉ'),
    );
    expect(lost.status).toBe(201);
    expect(lost.body.member.status).toBe('full');
    // While contact is lost the interruption is open and party age stands still.
    const open = await staff.get(`/api/v1/members/${member.id}/party-age`);
    expect(open.body.interruptions).toEqual([{ kind: 'lost_contact', from: '2010-01-01', to: null }]);
    expect(open.body.totalMonths).toBe(47);

    const twice = await staff.send('POST', `/api/v1/members/${member.id}/events`, event('contact_lost', '2010-01-15', lost.body.member.version, 'Lặp lại'));
    expect(twice.status).toBe(409);
    const restored = await staff.send('POST', `/api/v1/members/${member.id}/events`, event('contact_restored', '2010-02-01', lost.body.member.version));
    expect(restored.status).toBe(201);

    const age = await staff.get(`/api/v1/members/${member.id}/party-age`);
    expect(age.body.interruptions).toEqual([{ kind: 'lost_contact', from: '2010-01-01', to: '2010-02-01' }]);
    // 20 years and 1 month since the decision, less exactly January: 20 years (counted by days it was 19 years 11 months).
    expect(age.body).toMatchObject({ years: 20, months: 0, totalMonths: 240 });
  });

  it('refuses to restore contact that was never lost, and a loss of contact without its circumstances', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Lâm Thị Gần' });
    const restored = await staff.send('POST', `/api/v1/members/${member.id}/events`, event('contact_restored', '2026-01-05', member.version));
    expect(restored.status).toBe(409);
    expect(restored.body.error.message).toContain('không có lần mất liên lạc nào đang mở');
    const bare = await staff.send('POST', `/api/v1/members/${member.id}/events`, event('contact_lost', '2026-01-05', member.version));
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields[0].field).toBe('reason');
  });

  it('shows party age only once the member is confirmed', async () => {
    const probationer = await makeMember(ctxFor(database), tree.a2.id, {
      fullName: 'Dự Bị Văn Mới',
      status: 'probationary',
      admittedOn: '2025-09-02',
      confirmedOn: null,
    });
    const response = await staff.get(`/api/v1/members/${probationer.id}/party-age`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ admittedOn: '2025-09-02', years: null, months: null, totalMonths: null });
    expect(response.body.notShownReason).toContain('chính thức');
  });
});

describe('POST /members/{id}/exits: a strike-off records its ground, the cell’s resolution and vote (Điều lệ Đảng, Điều 8)', () => {
  const resolution = { number: '07-NQ/CB', date: '2026-02-20', issuer: 'Chi bộ Văn phòng Sở' };
  const strikeOff = { ground: 'unpaid_dues', cellResolution: resolution, vote: { inFavour: 5, against: 1, eligible: 7 } };
  const body = (extra: Record<string, unknown>) => ({ kind: 'strike_off', occurredOn: '2026-02-27', decision: decision('2026-02-27'), ...extra });

  it('keeps the ground, the resolution and the vote on the event', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Hoàng Văn Nợ' });
    const response = await staff.send('POST', `/api/v1/members/${member.id}/exits`, body({ strikeOff, version: member.version }));
    expect(response.status).toBe(201);
    const history = await staff.get(`/api/v1/members/${member.id}/history`);
    const event = history.body.events.find((e: { kind: string }) => e.kind === 'strike_off');
    expect(event.details.strikeOff).toEqual(strikeOff);
  });

  it.each([
    ['without its ground and resolution', {}, 'strikeOff.ground'],
    ['with a ground the Charter does not name', { strikeOff: { ...strikeOff, ground: 'disliked' } }, 'strikeOff.ground'],
    [
      'with a resolution after the decision',
      { strikeOff: { ...strikeOff, cellResolution: { ...resolution, date: '2026-02-28' } } },
      'strikeOff.cellResolution.date',
    ],
    ['with more votes than full members', { strikeOff: { ...strikeOff, vote: { inFavour: 6, against: 2, eligible: 7 } } }, 'strikeOff.vote.eligible'],
  ])('refuses a strike-off %s, naming the field, and records nothing', async (_case, extra, field) => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Hoàng Thị Thiếu' });
    const response = await staff.send('POST', `/api/v1/members/${member.id}/exits`, body({ ...extra, version: member.version }));
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe(field);
    expect((await staff.get(`/api/v1/members/${member.id}`)).body.status).toBe('full');
  });

  it('refuses strike-off fields on another exit', async () => {
    const member = await makeMember(ctxFor(database), tree.a1.id, { fullName: 'Hoàng Văn Xin' });
    const response = await staff.send('POST', `/api/v1/members/${member.id}/exits`, { ...body({ strikeOff, version: member.version }), kind: 'withdrawal' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields[0].field).toBe('strikeOff');
  });
});
