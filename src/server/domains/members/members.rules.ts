import { annullableEventKinds, type MemberStatus, type MembershipEventKind } from '../../../shared/member.js';
import { nameSortKey, normalizeName, normalizeSpaces, splitFullName } from '../../../shared/vietnamese.js';

type Transition = { from: readonly MemberStatus[]; to: MemberStatus | 'same'; movesOrg: 'required' | 'no' };

const active = ['probationary', 'full'] as const;
const ended = ['struck_off', 'expelled', 'withdrawn'] as const;

/**
 * What each membership event may follow and what it leaves behind. `record_created` and `admission` open a
 * record and are not transitions; a temporary transfer leaves the member counted where they were (294-QĐ/TW 6.3.1).
 */
export const membershipTransitions: Partial<Record<MembershipEventKind, Transition>> = {
  confirmation: { from: ['probationary'], to: 'full', movesOrg: 'no' },
  transfer: { from: active, to: 'same', movesOrg: 'required' },
  reorganisation: { from: active, to: 'same', movesOrg: 'required' },
  transfer_out: { from: active, to: 'transferred_out', movesOrg: 'no' },
  transfer_in: { from: ['transferred_out'], to: 'same', movesOrg: 'required' },
  temporary_transfer: { from: active, to: 'same', movesOrg: 'no' },
  temporary_return: { from: active, to: 'same', movesOrg: 'no' },
  strike_off: { from: active, to: 'struck_off', movesOrg: 'no' },
  expulsion: { from: active, to: 'expelled', movesOrg: 'no' },
  withdrawal: { from: active, to: 'withdrawn', movesOrg: 'no' },
  death: { from: active, to: 'deceased', movesOrg: 'no' },
  readmission: { from: ended, to: 'probationary', movesOrg: 'required' },
  // Loss of contact leaves status and organisation as they are; it only interrupts party age (exits.rules).
  contact_lost: { from: active, to: 'same', movesOrg: 'no' },
  contact_restored: { from: active, to: 'same', movesOrg: 'no' },
};

export type TransitionResult = { ok: true; status: MemberStatus; movesOrg: boolean } | { ok: false; message: string };

/** `transfer_in` returns a member who left the deployment to the status they had (given in the event's details). */
export function applyTransition(kind: MembershipEventKind, current: MemberStatus, returningStatus?: MemberStatus): TransitionResult {
  const t = membershipTransitions[kind];
  if (!t) return { ok: false, message: 'Loại biến động này chỉ dùng khi lập hồ sơ mới.' };
  if (!t.from.includes(current)) return { ok: false, message: 'Biến động không phù hợp với tình trạng hiện tại của đảng viên.' };
  const status = kind === 'transfer_in' ? (returningStatus ?? 'full') : t.to === 'same' ? current : t.to;
  return { ok: true, status, movesOrg: t.movesOrg === 'required' };
}

/** Organisations where members are registered: the cells (members live in cells, Điều lệ Đảng Đ.21). */
export const memberHoldingKinds = ['cell', 'grassroots_cell'] as const;

export function nameColumns(fullName: string) {
  const name = normalizeName(fullName);
  const parts = splitFullName(name);
  return { fullName: name, familyName: parts.familyName, middleName: parts.middleName, givenName: parts.givenName, nameSortKey: nameSortKey(name) };
}

/** Digits typed as a search (spaces and dots allowed, as printed on cards) are a card or citizen ID number. */
export function searchedNumber(q: string): string | null {
  const digits = q.replace(/[\s.]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

/**
 * The typed words that carry Vietnamese marks (tones, ă â ê ô ơ ư, đ), capitalised as they begin a stored name's
 * words. Words typed without marks say nothing about them.
 */
export function markedWords(q: string): { capitalised: string }[] {
  return normalizeSpaces(q)
    .toLowerCase()
    .split(' ')
    .filter((word) => /[\u0300-\u036f]|đ/.test(word.normalize('NFD')))
    .map((word) => ({ capitalised: normalizeName(word) }));
}

/** Why an event of this kind cannot be annulled as entered by mistake, and what to do instead; null when it can. */
export function annulmentRefusal(kind: MembershipEventKind): string | null {
  if ((annullableEventKinds as readonly string[]).includes(kind)) return null;
  switch (kind) {
    case 'record_created':
    case 'admission':
      return 'Không hủy được biến động mở hồ sơ đảng viên. Nếu thông tin nhập sai, hãy sửa hồ sơ (có ghi lý do).';
    case 'reorganisation':
      return 'Biến động do sắp xếp tổ chức đảng không hủy riêng cho từng đảng viên được; hãy ghi sự kiện tổ chức mới.';
    default:
      return 'Biến động chuyển sinh hoạt đảng thuộc hồ sơ chuyển sinh hoạt; không hủy riêng ở đây được.';
  }
}
