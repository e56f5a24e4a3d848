import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemActor, type Actor, type Ctx } from './context.js';
import { actorCan, assertCan } from './permissions.js';
import { permissionActions, refusalMessage } from '../shared/permissions.js';
import { userRoles } from '../shared/auth.js';

const root = join(import.meta.dirname, '..');
/** `assertCan` reads only the actor. */
const ctxOf = (actor: Actor) => ({ actor }) as Ctx;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test(-helper)?\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Every source file of the server, the CLI and the web app, with its lines (tests and test helpers aside). */
const sources = ['server', 'cli', 'web']
  .flatMap((dir) => sourceFiles(join(root, dir)))
  .map((path) => ({ file: relative(root, path), lines: readFileSync(path, 'utf8').split('\n') }));

function offending(pattern: RegExp, allowed: readonly string[] = []) {
  return sources
    .filter(({ file }) => !allowed.includes(file))
    .flatMap(({ file, lines }) => lines.flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])));
}

const roleNames = userRoles.map((role) => `'${role}'`).join('|');
/** The roles whose name in a check means a right (a member's own record is the scope's business, not a right). */
const rightRoleNames = userRoles
  .filter((role) => role !== 'member')
  .map((role) => `'${role}'`)
  .join('|');

describe('one permission table', () => {
  it('answers on the server from the table, and lets the system actor (CLI, jobs) do everything', () => {
    for (const role of userRoles) {
      const actor: Actor = { userId: 1, name: 'Thử', role, scope: { kind: 'all' } };
      for (const action of permissionActions) {
        const refused = (() => {
          try {
            assertCan(ctxOf(actor), action);
            return null;
          } catch (error) {
            return error as { code: string; message: string };
          }
        })();
        expect(actorCan(actor, action), `${role} × ${action}`).toBe(refused === null);
        if (refused) expect(refused).toMatchObject({ code: 'FORBIDDEN', message: refusalMessage(action) });
      }
    }
    for (const action of permissionActions) expect(() => assertCan(ctxOf(systemActor), action)).not.toThrow();
  });

  it('has no role check outside it: no actor role compared or looked up in a list, server side', () => {
    expect(offending(/actor\.role\b(?!\s*[!=]==\s*'system')/, ['server/permissions.ts'])).toEqual([]);
  });

  it('has no list of roles anywhere in the server, the CLI or the web app', () => {
    expect(offending(new RegExp(`\\[\\s*(${roleNames})\\s*,\\s*(${roleNames})`))).toEqual([]);
    expect(offending(/\.includes\([^)]*\.role\)/)).toEqual([]);
  });

  it('compares a role with a right-holding role only where an account’s scope follows its role', () => {
    /** An admin sees everything, an official their organisation's subtree: the scope, not a right. */
    const scopeFollowsRole = [
      'server/domains/auth/auth.service.ts',
      'server/domains/users/users.service.ts',
      'server/domains/users/users.export.ts',
      'web/features/admin/users-page.tsx',
      'web/features/inspection/inspection-fields.tsx', // the admin picks the handling organisation; staff have their own
    ];
    expect(offending(new RegExp(`\\brole\\s*[!=]==\\s*(${rightRoleNames})`), scopeFollowsRole)).toEqual([]);
  });
});
