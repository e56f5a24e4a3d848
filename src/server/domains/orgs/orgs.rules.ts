import { allowedChildKinds, grassrootsKinds, orgKindLabels, type OrgKind, type UnitType } from '../../../shared/org.js';

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
