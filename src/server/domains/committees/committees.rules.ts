import type { CommitteePosition } from '../../../shared/committees.js';
import { committeePositionLabels } from '../../../shared/committees.js';
import type { OrgKind } from '../../../shared/org.js';
import { type RuleParam, type RuleViolation, violation } from '../rulebook/rule-violation.rules.js';

const cellKinds: readonly OrgKind[] = ['cell', 'grassroots_cell'];
/** The seats a cell below the committee threshold elects: a secretary and, if needed, a deputy. */
const secretarySeats: readonly CommitteePosition[] = ['secretary', 'deputy_secretary'];

/**
 * A cell with fewer full members than `cell_committee_min_full_members` (9) elects a secretary (and a deputy), not a
 * cell committee (Điều lệ Đảng 2011, Điều 24): committee seats for it are refused.
 */
export function checkSeatForCellSize(input: { orgKind: OrgKind; position: CommitteePosition; fullMembers: number; committeeMin: RuleParam }): RuleViolation[] {
  if (!cellKinds.includes(input.orgKind) || secretarySeats.includes(input.position) || input.fullMembers >= input.committeeMin.value) return [];
  return [
    violation(
      'cell_committee_min_full_members',
      input.committeeMin,
      'position',
      `Chức vụ: chi bộ có ${input.fullMembers} đảng viên chính thức (dưới ${input.committeeMin.value}) chỉ bầu bí thư và phó bí thư, không bầu chi ủy; không ghi được «${committeePositionLabels[input.position]}»`,
    ),
  ];
}
