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
  /** A year's targets, tasks and solutions, and the agency units' culture-standard results (targets). */
  'targets.write',
  /** Proposals to the upper level and the answers received (targets). */
  'proposals.write',
  /** Dues (dues domain): bases, exemptions and reductions, a cell's month of payments. */
  'dues.record',
  /** Party badges (dues domain): recording an award on the member's record. */
  'badges.record',
  /** inspection: see plans, cases, the register of denunciations and their figures (confidential: 404 to anyone else). */
  'inspection.read',
  /** inspection: plans, cases and their steps, denunciations and their handling. */
  'inspection.write',
  /** Meetings of cells and committees (meetings): plan, record as held with attendance, cancel, upload minutes. */
  'meetings.write',
  /** study: the documents library (register a document, require its study). */
  'documents.write',
  /** study: study sessions and their attendance. */
  'study.record',
  /** Discipline (issue #12): proposals (confidential drafts), decisions, appeals, state bodies' notices. */
  'discipline.record',
  /** ratings: review rounds, the cell's proposals, the committees' decisions, excused members, organisations' ratings. */
  'ratings.step',
  /** ratings: a member's self-assessment (the member themselves in self-service, or the records staff from paper). */
  'ratings.self_assess',
  /** reports: the year's report (draft, narrative, issue with its number, submission upward). */
  'reports.write',
  /** reports: review a draft before it is issued, or return it to draft (the committee's secretary). */
  'reports.review',
  /** portal: write articles of a section of the organisation's subtree, send them for approval, reopen them. */
  'portal.edit',
  /** portal: sections, approving, returning, publishing (or scheduling) and unpublishing articles. */
  'portal.approve',
] as const;
export type PermissionAction = (typeof permissionActions)[number];

const none = {
  admin: false,
  org_staff: false,
  inspection_staff: false,
  office_staff: false,
  secretary: false,
  member: false,
  editor: false, // portal
  approver: false, // portal
} as const;
/** Changing the tree and importing are the organisation department's work (and the admin's). */
const orgDepartment = { ...none, admin: true, org_staff: true } as const;
/** Records and workflows are the organisation staff's and the secretaries' work; inspection and office staff read. */
const recordWriters = { ...none, admin: true, org_staff: true, secretary: true } as const;
const adminOnly = { ...none, admin: true } as const;
/** Dues are collected by cells: secretaries (their cell), organisation staff and office staff (the finance side) record them. */
const duesRecorders = { ...none, admin: true, org_staff: true, office_staff: true, secretary: true } as const;
/** Inspection and supervision are the inspection staff's work (and the admin's); no one else sees them. */
const inspectionWork = { ...none, admin: true, inspection_staff: true } as const;
/** Discipline is the inspection commission's work (and the admin's); its drafts are theirs alone to read. */
const inspectors = { ...none, admin: true, inspection_staff: true } as const;

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
  'targets.write': recordWriters,
  'proposals.write': recordWriters,
  'dues.record': duesRecorders,
  'badges.record': recordWriters,
  'inspection.read': inspectionWork,
  'inspection.write': inspectionWork,
  'meetings.write': recordWriters, // meetings
  // study
  'documents.write': recordWriters,
  'study.record': recordWriters,
  'discipline.record': inspectors,
  // ratings
  'ratings.step': recordWriters,
  'ratings.self_assess': { ...recordWriters, member: true },
  'reports.write': recordWriters, // reports
  'reports.review': { ...none, admin: true, secretary: true }, // reports: the secretary signs, so the secretary reviews
  // portal: editors write, approvers also approve and publish
  'portal.edit': { ...none, admin: true, editor: true, approver: true },
  'portal.approve': { ...none, admin: true, approver: true },
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
  'targets.write': 'ghi chỉ tiêu, nhiệm vụ và kết quả đạt chuẩn văn hóa',
  'proposals.write': 'ghi kiến nghị lên cấp trên và trả lời kiến nghị',
  'dues.record': 'ghi đảng phí',
  'badges.record': 'ghi tặng Huy hiệu Đảng',
  'inspection.read': 'xem công tác kiểm tra, giám sát',
  'inspection.write': 'ghi công tác kiểm tra, giám sát',
  'meetings.write': 'ghi lịch và biên bản sinh hoạt chi bộ, họp cấp ủy', // meetings
  // study
  'documents.write': 'đăng ký văn bản và yêu cầu học tập nghị quyết',
  'study.record': 'ghi hội nghị học tập, quán triệt nghị quyết',
  'discipline.record': 'ghi và xem hồ sơ kỷ luật đảng',
  // ratings
  'ratings.step': 'ghi đánh giá, xếp loại chất lượng',
  'ratings.self_assess': 'ghi bản tự đánh giá, xếp loại của đảng viên',
  'reports.write': 'soạn, ban hành và gửi báo cáo năm', // reports
  'reports.review': 'duyệt hoặc trả lại dự thảo báo cáo năm',
  // portal
  'portal.edit': 'viết và sửa tin bài',
  'portal.approve': 'duyệt, đăng và gỡ tin bài',
};

/** The refusal names who may: "Chỉ cán bộ tổ chức, bí thư hoặc quản trị hệ thống được …" (the admin last). */
export function refusalMessage(action: PermissionAction): string {
  const allowed = rolesAllowed(action);
  const names = [...allowed.filter((r) => r !== 'admin'), ...allowed.filter((r) => r === 'admin')].map((r) => userRoleLabels[r].toLocaleLowerCase('vi'));
  if (names.length === 0) return `Không ai được ${permissionActionLabels[action]}.`;
  const who = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} hoặc ${names.at(-1)}`;
  return `Chỉ ${who} được ${permissionActionLabels[action]}.`;
}
