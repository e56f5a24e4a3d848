import { userRoleLabels, userRoles, type UserRole } from './auth.js';

/**
 * What a role may do, one name per kind of work the server refuses by role. The server checks every write (and the
 * admin's reads) with `assertCan` (server/permissions.ts); the web app reads the same table to offer only what the
 * server accepts. The organisation scope is checked apart, on each record.
 */
export const permissionActions = [
  /** Accounts: list, create, change, reset a password, end sessions. */
  'users.manage',
  /** A new version of a rulebook parameter. */
  'rules.write',
  /** The holiday table behind working-day deadlines. */
  'holidays.write',
  /** The audit log: read, export, verify the chain. */
  'audit.read',
  /** The organisation tree: create, change, lifecycle events (rename, re-parent, merge, split, dissolve). */
  'orgs.write',
  /** Committee seats: appoint, end. */
  'committees.write',
  /** Import jobs: upload, mapping, dry run, commit. */
  'imports.run',
  /** A member's personal record, membership events without a workflow of their own, annulling an event. */
  'members.write',
  /** Strike-off, withdrawal, death, readmission. */
  'exits.record',
  /** A candidate's file and its steps (cell, committee, decision, ceremony, closing), probation reviews and decision. */
  'admissions.step',
  /** Transfers of party activity: opening one and each side's steps. */
  'transfers.step',
  /** ratings: review rounds, the cell's proposals, the committees' decisions, excused members, organisations' ratings. */
  'ratings.step',
  /** ratings: a member's self-assessment (the member themselves in self-service, or the records staff from paper). */
  'ratings.self_assess',
] as const;
export type PermissionAction = (typeof permissionActions)[number];

const none = { admin: false, org_staff: false, inspection_staff: false, office_staff: false, secretary: false, member: false } as const;
/** Changing the tree and importing are the organisation department's work (and the admin's). */
const orgDepartment = { ...none, admin: true, org_staff: true } as const;
/** Records and workflows are the organisation staff's and the secretaries' work; inspection and office staff read. */
const recordWriters = { ...none, admin: true, org_staff: true, secretary: true } as const;
const adminOnly = { ...none, admin: true } as const;

/** Every action × every role has an answer written here; a member writes nothing but their own password. */
const permissionTable: Record<PermissionAction, Record<UserRole, boolean>> = {
  'users.manage': adminOnly,
  'rules.write': adminOnly,
  'holidays.write': adminOnly,
  'audit.read': adminOnly,
  'orgs.write': orgDepartment,
  'committees.write': orgDepartment,
  'imports.run': orgDepartment,
  'members.write': recordWriters,
  'exits.record': recordWriters,
  'admissions.step': recordWriters,
  'transfers.step': recordWriters,
  // ratings
  'ratings.step': recordWriters,
  'ratings.self_assess': { ...recordWriters, member: true },
};

export function can(role: UserRole, action: PermissionAction): boolean {
  return permissionTable[action][role];
}

/** The roles that may do an action, in the order of `userRoles`. */
export function rolesAllowed(action: PermissionAction): UserRole[] {
  return userRoles.filter((role) => can(role, action));
}

/** What each action is, in the words of the refusal ("Chỉ … được <label>."). */
export const permissionActionLabels: Record<PermissionAction, string> = {
  'users.manage': 'quản lý tài khoản',
  'rules.write': 'thêm phiên bản quy định',
  'holidays.write': 'sửa bảng ngày nghỉ',
  'audit.read': 'xem nhật ký hệ thống',
  'orgs.write': 'thay đổi cây tổ chức',
  'committees.write': 'cập nhật cấp ủy',
  'imports.run': 'nhập dữ liệu từ tệp',
  'members.write': 'ghi hồ sơ và biến động đảng viên',
  'exits.record': 'ghi xóa tên, ra khỏi Đảng, từ trần và kết nạp lại',
  'admissions.step': 'ghi hồ sơ kết nạp đảng viên',
  'transfers.step': 'làm thủ tục chuyển sinh hoạt đảng',
  // ratings
  'ratings.step': 'ghi đánh giá, xếp loại chất lượng',
  'ratings.self_assess': 'ghi bản tự đánh giá, xếp loại của đảng viên',
};

/** The refusal names who may: "Chỉ cán bộ tổ chức, bí thư hoặc quản trị hệ thống được …" (the admin last). */
export function refusalMessage(action: PermissionAction): string {
  const allowed = rolesAllowed(action);
  const names = [...allowed.filter((r) => r !== 'admin'), ...allowed.filter((r) => r === 'admin')].map((r) => userRoleLabels[r].toLocaleLowerCase('vi'));
  if (names.length === 0) return `Không ai được ${permissionActionLabels[action]}.`;
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} hoặc ${names.at(-1)}`;
  return `Chỉ ${who} được ${permissionActionLabels[action]}.`;
}
