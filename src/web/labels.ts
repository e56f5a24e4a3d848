import { auditActionLabel, auditEntityLabels as sharedEntityLabels, auditFieldLabels } from '../shared/audit-labels';

/** Vietnamese labels for values the API returns that the shared modules do not label. */

/** An audit action by its Vietnamese label (membership and organisation events, admission and transfer steps). */
export function auditActionText(action: string): string {
  return auditActionLabel(action) ?? `Thao tác khác (${action})`;
}

export const auditEntityLabels: Record<string, string> = sharedEntityLabels;

export const chainProblemLabels: Record<string, string> = {
  altered: 'Nội dung bản ghi đã bị sửa sau khi ghi',
  missing_before: 'Thiếu bản ghi ngay trước bản ghi này (đã bị xóa)',
  broken_link: 'Mắt xích nối với bản ghi trước không khớp',
  unsealed: 'Thiếu mã xác thực (HMAC): bản ghi đã bị viết lại hoặc chèn thêm',
  bad_seal: 'Mã xác thực (HMAC) không khớp khóa nhật ký: bản ghi đã bị viết lại',
  checkpoint_mismatch: 'Khác với mốc kiểm tra đã ký: chuỗi nhật ký đã bị dựng lại',
  missing_after: 'Nhật ký bị cắt ngắn hoặc xóa sạch so với mốc kiểm tra đã ký',
};

export function labelOr(labels: Record<string, string>, key: string | null | undefined, fallback = '—'): string {
  if (key === null || key === undefined || key === '') return fallback;
  return labels[key] ?? key;
}

/** The shared field label, or the audit rows' own field label; never the raw English key. */
export function fieldName(key: string, shared: (key: string) => string): string {
  const label = shared(key);
  if (label !== key) return label;
  return auditFieldLabels[key] ?? 'Thông tin khác';
}
