import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { candidateListQuery } from './admissions.js';
import { memberListQuery } from './member.js';
import { queryBoolean } from './query.js';
import { transferListQuery } from './transfers.js';

describe('queryBoolean', () => {
  const schema = z.object({ flag: queryBoolean.optional() });

  it.each([
    ['true', true],
    ['1', true],
    ['false', false],
    ['0', false],
    [true, true],
    [false, false],
  ])('reads %s as %s', (raw, expected) => {
    expect(schema.parse({ flag: raw })).toEqual({ flag: expected });
  });

  it('leaves a missing flag undefined and refuses anything else', () => {
    expect(schema.parse({})).toEqual({});
    expect(schema.safeParse({ flag: 'yes' }).success).toBe(false);
  });
});

describe('list queries read "false" as false', () => {
  it.each([
    ['memberListQuery', () => memberListQuery, 'includeInactive'],
    ['candidateListQuery', () => candidateListQuery, 'includeClosed'],
    ['transferListQuery', () => transferListQuery, 'open'],
  ] as const)('%s', (_name, schema, flag) => {
    expect((schema().parse({ [flag]: 'false' }) as Record<string, unknown>)[flag]).toBe(false);
    expect((schema().parse({ [flag]: 'true' }) as Record<string, unknown>)[flag]).toBe(true);
  });
});
