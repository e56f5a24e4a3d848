import { allowedChildKinds, grassrootsKinds, orgKindLabels, type OrgKind, type UnitType } from '../../../shared/org.js';
import { type RuleParam, type RuleViolation, viDate, violation } from '../rulebook/rule-violation.rules.js';

/** Why `kind` cannot stand under `parentKind`, or null when it can (GLOSSARY.md organisation kinds). */
export function nestingProblem(parentKind: OrgKind | null, kind: OrgKind): string | null {
  if (parentKind === null)
    return kind === 'provincial' || kind === 'upper' ? null : 'Chỉ đảng bộ tỉnh hoặc đảng bộ cấp trên cơ sở được đứng ở gốc cây tổ chức.';
  if (allowedChildKinds[parentKind].includes(kind)) return null;
  return `${orgKindLabels[kind]} không thể trực thuộc ${orgKindLabels[parentKind].toLowerCase()}.`;
}

/** Grassroots organisations carry the unit type; their sections and cells inherit it. */
export function resolveUnitType(kind: OrgKind, given: UnitType | null, parentUnitType: UnitType | null): { unitType: UnitType | null } | { problem: string } {
  if (grassrootsKinds.includes(kind)) return given ? { unitType: given } : { problem: 'Tổ chức cơ sở đảng phải có loại hình cơ sở.' };
  if (kind === 'section' || kind === 'cell') return { unitType: parentUnitType };
  return { unitType: null };
}

/**
 * A cell needs at least `cell_min_full_members` (3) full members (Điều lệ Đảng 2011, Điều 24; RULES.md, Organisations):
 * below that it cannot hold a valid cell meeting, so it cannot vote on an admission. Counts every full member of the
 * cell on the day, those on temporary transfer elsewhere included (they still belong to it).
 */
export function checkCellMinimum(input: { fullMembers: number; min: RuleParam; onDate: string; field: string }): RuleViolation[] {
  if (input.fullMembers >= input.min.value) return [];
  return [
    violation(
      'cell_min_full_members',
      input.min,
      input.field,
      `Chi bộ: ngày ${viDate(input.onDate)} chi bộ có ${input.fullMembers} đảng viên chính thức, dưới ${input.min.value}: chưa đủ điều kiện họp chi bộ để biểu quyết, hãy báo cấp ủy cấp trên để ghép hoặc kiện toàn chi bộ`,
    ),
  ];
}
