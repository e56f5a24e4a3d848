import { describe, expect, it } from 'vitest';
import { userRoles } from './auth.js';
import { can, permissionActionLabels, permissionActions, refusalMessage, rolesAllowed } from './permissions.js';

const allowedTo = (role: (typeof userRoles)[number]) => permissionActions.filter((action) => can(role, action));

describe('the permission table', () => {
  it('answers every role × every action with true or false', () => {
    for (const role of userRoles) for (const action of permissionActions) expect(typeof can(role, action), `${role} × ${action}`).toBe('boolean');
    expect(permissionActions.length).toBeGreaterThanOrEqual(11);
  });

  it('lets a member do nothing but their own self-assessment, the inspection staff only inspection work and discipline, and the office staff record only dues', () => {
    expect(allowedTo('member')).toEqual(['ratings.self_assess']);
    expect(allowedTo('inspection_staff')).toEqual(['inspection.read', 'inspection.write', 'discipline.record']);
    // dues: the office staff (finance) record dues.
    expect(allowedTo('office_staff')).toEqual(['dues.record']);
  });

  it('keeps inspection and supervision (cases, denunciations, their figures) to the inspection staff and the admin', () => {
    for (const action of ['inspection.read', 'inspection.write'] as const) expect(rolesAllowed(action)).toEqual(['admin', 'inspection_staff']);
  });

  it('keeps discipline (and its confidential drafts) to the inspection staff and the admin', () => {
    expect(rolesAllowed('discipline.record')).toEqual(['admin', 'inspection_staff']);
    expect(refusalMessage('discipline.record')).toBe('Chỉ cán bộ kiểm tra hoặc quản trị hệ thống được ghi và xem hồ sơ kỷ luật đảng.');
  });

  it('gives the admin every action', () => {
    expect(allowedTo('admin')).toEqual([...permissionActions]);
  });

  it('gives secretaries the record workflows, and the organisation staff also the tree, committees and imports', () => {
    const records = [
      'members.write',
      'exits.record',
      'admissions.step',
      'transfers.step',
      'targets.write',
      'proposals.write',
      'dues.record',
      'badges.record',
      'meetings.write',
      'documents.write',
      'study.record',
      'ratings.step',
      'ratings.self_assess',
      'reports.write',
    ];
    expect(allowedTo('secretary').sort()).toEqual([...records, 'reports.review'].sort());
    expect(allowedTo('org_staff').sort()).toEqual([...records, 'orgs.write', 'committees.write', 'imports.run'].sort());
  });

  it('keeps the administration (accounts, rulebook, holidays, audit) to the admin', () => {
    for (const action of ['users.manage', 'rules.write', 'holidays.write', 'audit.read'] as const) expect(rolesAllowed(action)).toEqual(['admin']);
  });
});

describe('refusalMessage', () => {
  it('names who may, the admin last, and what was refused', () => {
    expect(refusalMessage('transfers.step')).toBe('Chỉ cán bộ tổ chức, bí thư hoặc quản trị hệ thống được làm thủ tục chuyển sinh hoạt đảng.');
    expect(refusalMessage('orgs.write')).toBe('Chỉ cán bộ tổ chức hoặc quản trị hệ thống được thay đổi cây tổ chức.');
    expect(refusalMessage('users.manage')).toBe('Chỉ quản trị hệ thống được quản lý tài khoản.');
  });

  it('is different for every action, so a refusal tells which check made it', () => {
    expect(new Set(permissionActions.map(refusalMessage)).size).toBe(permissionActions.length);
    for (const action of permissionActions) expect(refusalMessage(action)).toContain(permissionActionLabels[action]);
  });
});
