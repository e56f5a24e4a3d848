import { describe, expect, it } from 'vitest';
import { can } from './permissions.js';
import { articleStatuses, openArticleSteps } from './portal.js';

describe('the steps open on an article', () => {
  it('need the role and the status: an editor submits a draft and reopens an unpublished article, nothing else', () => {
    const editor = (p: 'portal.edit' | 'portal.approve') => can('editor', p);
    expect(openArticleSteps('draft', editor)).toEqual(['submit']);
    expect(openArticleSteps('submitted', editor)).toEqual([]);
    expect(openArticleSteps('unpublished', editor)).toEqual(['reopen']);
  });

  it('an approver takes every step its status allows', () => {
    const approver = (p: 'portal.edit' | 'portal.approve') => can('approver', p);
    expect(openArticleSteps('submitted', approver)).toEqual(['return', 'approve']);
    expect(openArticleSteps('approved', approver)).toEqual(['return', 'publish']);
    expect(openArticleSteps('published', approver)).toEqual(['unpublish']);
    expect(openArticleSteps('unpublished', approver)).toEqual(['publish', 'reopen']);
  });

  it('a role without the portal actions is offered no step', () => {
    for (const status of articleStatuses) expect(openArticleSteps(status, (p) => can('org_staff', p))).toEqual([]);
  });
});
