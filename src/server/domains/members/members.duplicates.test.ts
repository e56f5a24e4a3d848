import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { loginClient, PASSWORD, type TestClient } from '../../test/http-client.js';
import { createUser } from '../users/users.service.js';
import { queryRows } from '../../db/client.js';
import { sql } from 'drizzle-orm';

/**
 * Saving a member or a candidate with the same name, birth date and organisation as a record already there warns
 * first (409 listing the matches, nothing written), and saves once the user confirms; anything else saves at once.
 */

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let official: TestClient;
let tree: Awaited<ReturnType<typeof makeTree>>;
let introducers: number[];

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  introducers = [(await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Công Tráng' })).id];
  await createUser(ctx, { username: 'canbo.a', displayName: 'Cán bộ A', role: 'org_staff', orgId: tree.a.id, memberId: null, password: PASSWORD });
  app = await buildApp({ database, logger: false });
  official = await loginClient(app, 'canbo.a', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

let serial = 0;
const givenNames = ['Hường', 'Hương', 'Phương', 'Thắng', 'Thăng', 'Đạt', 'Dat', 'Hòa', 'Hoà'];
const nextId = () => String(880000000000 + (Date.now() % 1000000) * 1000 + (serial++ % 1000));

function body(kind: 'member' | 'candidate', person: { fullName: string; birthDate: string; orgId: number }, confirmDuplicate?: boolean) {
  const shared = {
    ...person,
    gender: 'female',
    placeOfOrigin: null,
    residence: null,
    nationalId: nextId(),
    ...(confirmDuplicate === undefined ? {} : { confirmDuplicate }),
  };
  if (kind === 'member')
    return { ...shared, status: 'full', admittedOn: '2012-03-04', confirmedOn: '2013-03-04', decision: decision('2013-03-04'), cardNumber: nextId().slice(-9) };
  return { ...shared, introducers: [{ memberId: introducers[0], knownSince: '2022-01-01' }] };
}
const url = (kind: 'member' | 'candidate') => (kind === 'member' ? '/api/v1/members' : '/api/v1/candidates');

async function counts() {
  const rows = await queryRows<{ members: number; candidates: number }>(
    database.db,
    sql`SELECT (SELECT count(*) FROM members)::int AS members, (SELECT count(*) FROM candidates)::int AS candidates`,
  );
  return rows[0];
}

describe('possible duplicates', () => {
  it('warns exactly when name (case and diacritics aside), birth date and organisation all match, and saves once confirmed', async () => {
    const seen = { warned: 0, saved: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('member' as const, 'candidate' as const),
        fc.constantFrom('member' as const, 'candidate' as const),
        fc.constantFrom(...givenNames).chain((given) => fc.tuple(fc.constant(given), fc.oneof(fc.constant(given), fc.constantFrom(...givenNames)))),
        /** Mostly the same birth date and cell, so both branches are well exercised. */
        fc.constantFrom(true, true, true, false),
        fc.constantFrom(true, true, true, false),
        fc.boolean(),
        async (existingKind, newKind, [existingGiven, newGiven], sameBirth, sameOrg, shoutName) => {
          const run = serial++;
          /** A family name and birth date no other run uses, so only this run's records can match. */
          const family = `Trần Thị ${[...String(run)].map((digit, i) => (i === 0 ? 'BCDGHKLMNP' : 'aeiouyaeio')[Number(digit)]).join('')}n`;
          const birthDate = `19${70 + (run % 25)}-0${1 + (run % 9)}-1${run % 10}`;
          const existing = { fullName: `${family} ${existingGiven}`, birthDate, orgId: tree.a1.id };
          const first = await official.send('POST', url(existingKind), body(existingKind, existing));
          expect(first.status, JSON.stringify(first.body)).toBe(201);
          const typed = `${family} ${newGiven}`;
          const attempt = {
            fullName: shoutName ? typed.toUpperCase() : typed,
            birthDate: sameBirth ? birthDate : `${Number(birthDate.slice(0, 4)) + 1}${birthDate.slice(4)}`,
            orgId: sameOrg ? tree.a1.id : tree.a2.id,
          };
          const fold = (s: string) =>
            s
              .normalize('NFD')
              .replace(/[\u0300-\u036F]/g, '')
              .replace(/đ/gi, 'd')
              .toLowerCase();
          const duplicate = fold(existing.fullName) === fold(attempt.fullName) && attempt.birthDate === existing.birthDate && sameOrg;

          const before = await counts();
          const warned = await official.send('POST', url(newKind), body(newKind, attempt));
          seen[duplicate ? 'warned' : 'saved'] += 1;
          if (!duplicate) {
            expect(warned.status, JSON.stringify(warned.body)).toBe(201);
            return;
          }
          expect(warned.status, JSON.stringify(warned.body)).toBe(409);
          expect(warned.body.error.fields).toEqual([expect.objectContaining({ field: 'confirmDuplicate' })]);
          expect(warned.body.error.duplicates).toContainEqual({
            kind: existingKind,
            id: first.body.id,
            fullName: existing.fullName,
            birthDate,
            orgName: tree.a1.name,
            state: existingKind === 'member' ? 'full' : 'candidate',
          });
          expect(await counts()).toEqual(before);
          const confirmed = await official.send('POST', url(newKind), body(newKind, attempt, true));
          expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
        },
      ),
      { numRuns: 30 },
    );
    expect(seen.warned).toBeGreaterThan(0);
    expect(seen.saved).toBeGreaterThan(0);
  });
});
