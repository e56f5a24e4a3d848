import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from './context.js';

/** Condition on a materialised-path column: the subtree of the scope's organisation, or everything. */
export function pathInScope(scope: Scope, pathColumn: AnyPgColumn | SQL): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`TRUE`;
    case 'subtree':
      return sql`${pathColumn} LIKE ${`${scope.path}%`}`;
    case 'self':
      // A member's scope holds no organisation: they see their own record only.
      return sql`FALSE`;
  }
}

/** Condition on a member row: the scope's subtree, or the member's own record. */
export function memberInScope(scope: Scope, idColumn: AnyPgColumn | SQL, orgPathColumn: AnyPgColumn | SQL): SQL {
  if (scope.kind === 'self') return sql`${idColumn} = ${scope.memberId}`;
  return pathInScope(scope, orgPathColumn);
}

export function isPathInScope(scope: Scope, path: string): boolean {
  return scope.kind === 'all' || (scope.kind === 'subtree' && path.startsWith(scope.path));
}

/** For lists with a chosen organisation: narrow the scope to it (the caller checked it is inside). */
export function narrowScope(scope: Scope, org: { id: number; path: string } | null): Scope {
  return org ? { kind: 'subtree', orgId: org.id, path: org.path } : scope;
}
