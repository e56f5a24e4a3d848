/** Vietnamese labels for values the API returns that the shared modules do not label. */

export const auditActionLabels: Record<string, string> = {
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
  read: 'Xem hồ sơ',
  event: 'Ghi biến động',
  annul_event: 'Hủy biến động nhập nhầm',
  export: 'Xuất dữ liệu',
};

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
};

export const chainProblemLabels: Record<string, string> = {
  altered: 'Nội dung bản ghi đã bị sửa sau khi ghi',
  missing_before: 'Thiếu bản ghi ngay trước bản ghi này (đã bị xóa)',
  broken_link: 'Mắt xích nối với bản ghi trước không khớp',
};

export function labelOr(labels: Record<string, string>, key: string | null | undefined, fallback = '—'): string {
  if (key === null || key === undefined || key === '') return fallback;
  return labels[key] ?? key;
}

const extraFieldLabels: Record<string, string> = {
  orgName: 'Chi bộ',
  disabled: 'Khóa tài khoản',
  mustChangePassword: 'Phải đổi mật khẩu',
  active: 'Đang hoạt động',
  dissolvedOn: 'Ngày giải thể',
  foundedOn: 'Ngày thành lập',
  note: 'Ghi chú',
  reason: 'Lý do',
  fullName: 'Họ và tên',
  statusAfter: 'Tình trạng sau biến động',
  occurredOn: 'Ngày',
  eventId: 'Mã biến động',
  fromOrgId: 'Từ tổ chức',
  toOrgId: 'Đến tổ chức',
  what: 'Nội dung xem',
  address: 'Địa chỉ truy cập',
  userAgent: 'Trình duyệt',
  count: 'Số lượng',
};

/** The shared field label, or a web-only one; never the raw English key. */
export function fieldName(key: string, shared: (key: string) => string): string {
  const label = shared(key);
  if (label !== key) return label;
  return extraFieldLabels[key] ?? 'Thông tin khác';
}
