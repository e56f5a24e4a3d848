/**
 * Vietnamese for the audit trail: every action, record kind and field it records, and what a read was of.
 * The history and audit screens and the audit export use these; a test walks the rows a full workflow writes
 * and fails on any action or field without a label here.
 */
import { candidateStateLabels } from './admissions.js';
import { fieldLabels } from './field-labels.js';
import { membershipEventKindLabels } from './member.js';
import { orgEventKindLabels } from './org.js';
import { transferStateLabels } from './transfers.js';

const plainActions: Record<string, string> = {
  create: 'Tạo mới',
  update: 'Sửa',
  bulk_create: 'Nhập hàng loạt',
  deactivate: 'Ngừng áp dụng',
  end: 'Kết thúc',
  add_version: 'Thêm phiên bản',
  login: 'Đăng nhập',
  login_failed: 'Đăng nhập sai',
  logout: 'Đăng xuất',
  forced_logout: 'Buộc đăng xuất',
  password_change: 'Đổi mật khẩu',
  password_reset: 'Cấp lại mật khẩu',
  read: 'Xem dữ liệu cá nhân',
  export: 'Xuất dữ liệu',
  annul_event: 'Hủy biến động nhập nhầm',
  commit: 'Ghi dữ liệu nhập',
  probation_review: 'Xét chuyển đảng chính thức',
  'committee:appoint': 'Bầu, chỉ định cấp ủy viên',
  'committee:end': 'Thôi giữ chức vụ cấp ủy',
  // study
  'committee:term': 'Ghi nhiệm kỳ, đại hội',
  'committee:supplement': 'Bổ sung cấp ủy',
  'committee:reform': 'Kiện toàn cấp ủy',
  'study:require': 'Yêu cầu học tập văn bản',
  'study:session': 'Ghi hội nghị học tập, quán triệt',
  'study:self': 'Đảng viên xác nhận tự học',
  attach_file: 'Đính kèm tệp',
};

/** The action's label: plain ones, `event:<kind>` (membership or organisation events), `step:<state>`, transfer steps. */
export function auditActionLabel(action: string): string | null {
  if (plainActions[action]) return plainActions[action];
  const [prefix, rest] = action.includes(':') ? [action.slice(0, action.indexOf(':')), action.slice(action.indexOf(':') + 1)] : ['', action];
  if (prefix === 'event') {
    const kind = (membershipEventKindLabels as Record<string, string>)[rest] ?? (orgEventKindLabels as Record<string, string>)[rest];
    return kind ? `Biến động: ${kind}` : null;
  }
  if (prefix === 'step') {
    if (rest === 'vote_failed') return 'Bước kết nạp: Biểu quyết không đạt';
    const state = (candidateStateLabels as Record<string, string>)[rest];
    return state ? `Bước kết nạp: ${state}` : null;
  }
  const transfer = (transferStateLabels as Record<string, string>)[action];
  return transfer ? `Chuyển sinh hoạt: ${transfer}` : null;
}

export const auditEntityLabels: Record<string, string> = {
  member: 'Đảng viên',
  org: 'Tổ chức đảng',
  user: 'Người dùng',
  session: 'Phiên làm việc',
  rule: 'Quy định',
  rule_version: 'Quy định',
  holiday: 'Ngày nghỉ lễ',
  membership_event: 'Biến động đảng viên',
  org_event: 'Biến động tổ chức',
  import: 'Nhập dữ liệu',
  candidate: 'Người vào Đảng',
  transfer: 'Chuyển sinh hoạt đảng',
  metric: 'Chỉ số thống kê',
  attention: 'Việc cần xử lý',
  audit: 'Nhật ký hệ thống',
  // study
  party_document: 'Văn bản của Đảng',
  study_requirement: 'Yêu cầu học tập',
  study_session: 'Hội nghị học tập',
};

/** What a `read` row was a read of (its `what`). */
export const auditReadLabels: Record<string, string> = {
  profile: 'Lý lịch',
  history: 'Quá trình sinh hoạt',
  party_age: 'Tuổi đảng',
  audit: 'Lịch sử chỉnh sửa',
  export: 'Xuất danh sách',
  document: 'Văn bản',
  candidate: 'Hồ sơ người vào Đảng',
  transfer: 'Hồ sơ chuyển sinh hoạt',
  transfer_letter: 'Giấy giới thiệu sinh hoạt đảng',
  probation: 'Theo dõi dự bị',
  admission_decision: 'Quyết định kết nạp',
  confirmation_decision: 'Quyết định công nhận đảng viên chính thức',
  member_list: 'Danh sách, tìm kiếm đảng viên',
  candidate_list: 'Danh sách người vào Đảng',
  candidate_export: 'Xuất danh sách người vào Đảng',
  transfer_list: 'Danh sách chuyển sinh hoạt',
  transfer_export: 'Xuất danh sách chuyển sinh hoạt',
  import_problems: 'Kết quả kiểm tra tệp nhập',
  import_problems_export: 'Xuất danh sách vấn đề của tệp nhập',
  metric_records: 'Danh sách theo chỉ số',
  attention_list: 'Việc cần xử lý',
  committee: 'Danh sách cấp ủy',
  user_list: 'Danh sách người dùng',
  user_export: 'Xuất danh sách người dùng',
  audit_list: 'Nhật ký hệ thống',
  audit_export: 'Xuất nhật ký hệ thống',
  // study
  party_document_list: 'Danh sách văn bản',
  party_document: 'Văn bản của Đảng',
  party_document_file: 'Tệp văn bản của Đảng',
  study_requirements: 'Yêu cầu học tập văn bản',
  study_coverage: 'Kết quả học tập, quán triệt',
  study_coverage_export: 'Xuất danh sách chưa học tập',
  study_session_list: 'Danh sách hội nghị học tập',
  my_study: 'Việc học tập của tôi',
  committee_terms: 'Nhiệm kỳ, đại hội',
  committee_reforms: 'Kiện toàn, bổ sung cấp ủy',
  committee_checks: 'Kiểm tra cơ cấu cấp ủy',
};

/** Field names the audit rows carry beyond the input fields of `fieldLabels`. */
export const auditFieldLabels: Record<string, string> = {
  fullName: 'Họ và tên',
  occurredOn: 'Ngày',
  orgName: 'Chi bộ',
  disabled: 'Khóa tài khoản',
  mustChangePassword: 'Phải đổi mật khẩu',
  active: 'Đang hoạt động',
  dissolvedOn: 'Ngày giải thể',
  foundedOn: 'Ngày thành lập',
  note: 'Ghi chú',
  reason: 'Lý do',
  statusAfter: 'Tình trạng sau biến động',
  eventId: 'Mã biến động',
  fromOrgId: 'Từ tổ chức',
  toOrgId: 'Đến tổ chức',
  what: 'Nội dung xem',
  filter: 'Điều kiện lọc',
  filters: 'Điều kiện lọc',
  query: 'Điều kiện lọc',
  address: 'Địa chỉ truy cập',
  userAgent: 'Trình duyệt',
  count: 'Số lượng',
  counts: 'Số lượng',
  format: 'Định dạng',
  seed: 'Hạt giống dữ liệu mẫu',
  fileName: 'Tên tệp',
  sha256: 'Mã kiểm tra tệp',
  state: 'Trạng thái',
  details: 'Chi tiết',
  admissionEventId: 'Mã biến động kết nạp',
  candidateId: 'Hồ sơ người vào Đảng',
  receivingOrgId: 'Tổ chức nhận',
  sendingOrgId: 'Tổ chức chuyển đi',
  introducerIds: 'Người giới thiệu',
  path: 'Đường dẫn tổ chức',
  orgPath: 'Đường dẫn tổ chức',
  depth: 'Cấp tổ chức',
  createdBy: 'Người tạo',
  person: 'Thông tin cá nhân',
  against: 'Số phiếu không tán thành',
  inFavour: 'Số phiếu tán thành',
  eligible: 'Số người có quyền biểu quyết',
  eligibleComputed: 'Số người có quyền biểu quyết (tính theo danh sách)',
  away: 'Đảng viên sinh hoạt tạm thời nơi khác (không tính biểu quyết)',
  excluded: 'Người không tính vào số biểu quyết và lý do',
  extensionReason: 'Lý do gia hạn thời hạn quyết định kết nạp',
  lowerSecondary: 'Trình độ trung học cơ sở',
  result: 'Kết quả biểu quyết',
  seatsRecorded: 'Đếm theo danh sách cấp ủy',
  unionResolution: 'Nghị quyết giới thiệu của Đoàn thanh niên hoặc Công đoàn',
  proposal: 'Đề nghị',
  awarenessCertificate: 'Giấy chứng nhận học lớp nhận thức về Đảng',
  youthUnionMember: 'Là đoàn viên',
  introducers: 'Người giới thiệu',
  dossier: 'Hồ sơ kết nạp',
  specialAgeDecision: 'Quyết định về tuổi kết nạp đặc biệt',
  readmission: 'Kết nạp lại (hồ sơ cũ, văn bản đồng ý)',
  upperCommitteeConsent: 'Ý kiến cấp ủy cấp trên',
  decisionReceivedOn: 'Ngày nhận quyết định',
  ceremonyDate: 'Ngày lễ kết nạp',
  ceremonyDeadline: 'Hạn tổ chức lễ kết nạp',
  probationEnd: 'Ngày hết dự bị',
  probationMonths: 'Số tháng dự bị',
  signing: 'Người ký',
  signer: 'Người ký',
  place: 'Nơi cấp',
  direction: 'Hướng chuyển',
  purpose: 'Mục đích',
  externalOrgName: 'Tổ chức đảng ngoài Đảng bộ',
  movingDecision: 'Quyết định điều động, thuyên chuyển',
  letterNumber: 'Số giấy giới thiệu',
  letterOn: 'Ngày cấp giấy giới thiệu',
  letterDueOn: 'Hạn cấp giấy giới thiệu',
  letterLateReason: 'Lý do cấp giấy chậm',
  lateReason: 'Lý do chậm',
  cellListNumber: 'Số danh sách chi bộ',
  transferRegisterNumber: 'Số đăng ký trong sổ chuyển sinh hoạt đảng',
  duesPaidThrough: 'Đã đóng đảng phí đến',
  presentDueOn: 'Hạn xuất trình giấy giới thiệu',
  presentedOn: 'Ngày xuất trình giấy giới thiệu',
  receivedOn: 'Ngày tiếp nhận',
  returnedOn: 'Ngày trở về',
  temporaryFrom: 'Sinh hoạt tạm thời từ ngày',
  temporaryUntil: 'Sinh hoạt tạm thời đến ngày',
  cancelReason: 'Lý do hủy',
  limit: 'Số dòng',
  beforeId: 'Trước bản ghi số',
  entity: 'Loại đối tượng',
  includeClosed: 'Gồm cả hồ sơ đã đóng',
  includeInactive: 'Gồm cả hồ sơ không còn hoạt động',
  includeDissolved: 'Gồm cả tổ chức đã giải thể',
  history: 'Gồm cả nhiệm kỳ đã qua',
  ageBand: 'Nhóm tuổi',
  eventKind: 'Loại biến động',
  side: 'Phía',
  open: 'Đang mở',
  severity: 'Mức độ',
  sort: 'Sắp xếp',
  key: 'Nhóm',
  part: 'Phần',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
  signerAuthority: 'Thẩm quyền ký',
  authority: 'Thẩm quyền ký',
  title: 'Chức vụ',
  number: 'Số',
  issuer: 'Cơ quan ban hành',
  outcome: 'Kết quả',
  // study
  deadline: 'Hạn hoàn thành học tập',
  documentId: 'Văn bản',
  documentIds: 'Văn bản học tập',
  attendeeIds: 'Người dự',
  fileId: 'Tệp đính kèm',
  issuerLevel: 'Cấp ban hành',
  issuerName: 'Cơ quan ban hành',
  issuerOrgId: 'Tổ chức ban hành',
  summary: 'Tóm tắt nội dung',
  heldOn: 'Ngày tổ chức',
  meetingId: 'Cuộc họp chi bộ',
  studiedOn: 'Ngày học tập',
  userId: 'Tài khoản',
  term: 'Nhiệm kỳ',
  termId: 'Nhiệm kỳ',
  congressOn: 'Ngày đại hội',
  delegates: 'Số đại biểu dự đại hội',
  electedCount: 'Số cấp ủy viên được bầu',
};

/** The field's Vietnamese name, or null when none is known. */
export function auditFieldLabel(key: string): string | null {
  return fieldLabels[key] ?? auditFieldLabels[key] ?? null;
}

/** Bookkeeping columns that the screens leave out of a change (they change with every edit, or repeat the name). */
export const auditHiddenFields = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'familyName',
  'middleName',
  'givenName',
  'searchText',
  'sortKey',
  'nameSortKey',
  'nameFolded',
  'id',
  'orgPath',
  'path',
  'depth',
]);
