/**
 * Everything in the actor's scope as the import template lays it out (same sheets, same headers), so a
 * file exported here imports back to the same records; and the dry run's problems as a worksheet.
 */
import { PassThrough } from 'node:stream';
import { inTransaction, type Ctx } from '../../context.js';
import { writeXlsx, type ExportColumn, type ExportRow, type ExportSheet } from '../../export/xlsx-export.js';
import { recordAudit } from '../audit/audit.service.js';
import { problemSeverityLabels, type ImportProblem } from '../../../shared/imports.js';
import { genderLabels, theoryLevelLabels, type Gender, type TheoryLevel } from '../../../shared/member.js';
import { grassrootsKinds, orgKindLabels, unitTypeLabels, type OrgKind, type UnitType } from '../../../shared/org.js';
import { memberStatusSpec, type ImportableStatus } from './cell-values.js';
import { memberImportFields, orgImportFields, type ImportField } from './column-mapping.js';
import { requiredMark, templateSheetNames } from './import-template.js';
import type { ExportOrgRow } from './imports.queries.js';
import { formatAddressText } from './imports.rules.js';
import { importProblems } from './imports.service.js';
import { membersOfEndedOrgs, recordsToExport } from './record-export.service.js';

/** The template's columns of one sheet, for anything that writes a file to be imported. */
export function templateColumnsFor(recordType: 'org' | 'member'): ExportColumn[] {
  return templateColumns(recordType === 'org' ? orgImportFields : memberImportFields);
}

function templateColumns(fields: readonly ImportField[]): ExportColumn[] {
  return fields.map((field) => ({
    header: field.required ? `${field.label}${requiredMark}` : field.label,
    key: field.key,
    width: Math.max(14, Math.min(40, field.label.length + 6)),
    // Text everywhere else, so an ID keeps its leading zeros when someone edits the exported file.
    kind: field.kind === 'date' ? 'date' : 'text',
  }));
}

/** Parents before children and siblings by code: an order that does not depend on ids, so two databases holding the same records export the same file. */
function treeOrder(orgs: ExportOrgRow[]): ExportOrgRow[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<number | null, ExportOrgRow[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && ids.has(org.parentId) ? org.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), org]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ordered: ExportOrgRow[] = [];
  const visit = (parent: number | null) => {
    for (const org of children.get(parent) ?? []) {
      ordered.push(org);
      visit(org.id);
    }
  };
  visit(null);
  return ordered;
}

/** The two data sheets of the template, filled from the records in scope. */
export async function recordSheets(ctx: Ctx): Promise<ExportSheet[]> {
  const records = await recordsToExport(ctx);
  const orgs = treeOrder(records.orgs);
  const codeOf = new Map(orgs.map((o) => [o.id, o.code]));
  const orgRows: ExportRow[] = orgs.map((o) => ({
    code: o.code,
    name: o.name,
    kind: orgKindLabels[o.kind as OrgKind],
    parent: o.parentId !== null ? (codeOf.get(o.parentId) ?? '') : '',
    unitType: grassrootsKinds.includes(o.kind as OrgKind) && o.unitType ? unitTypeLabels[o.unitType as UnitType] : '',
    foundedOn: o.foundedOn,
    foundingDecisionNumber: o.foundingDecision?.number ?? '',
    foundingDecisionIssuer: o.foundingDecision?.issuer ?? '',
  }));
  async function* memberRows(): AsyncIterable<ExportRow> {
    for (const org of orgs) {
      for (const m of await records.membersOf(org)) {
        yield {
          fullName: m.fullName,
          gender: genderLabels[m.gender as Gender],
          birthDate: m.birthDate,
          org: org.code,
          status: memberStatusSpec.labels[m.status as ImportableStatus] ?? m.status,
          admittedOn: m.admittedOn,
          confirmedOn: m.status === 'probationary' ? null : m.confirmedOn,
          cardNumber: m.cardNumber,
          nationalId: m.nationalId,
          profileNumber: m.profileNumber,
          ethnicity: m.ethnicity,
          religion: m.religion,
          education: m.education,
          professionalQualification: m.professionalQualification,
          theoryLevel: theoryLevelLabels[m.theoryLevel as TheoryLevel],
          job: m.job,
          position: m.position,
          placeOfOrigin: formatAddressText(m.placeOfOrigin),
          residence: formatAddressText(m.residence),
          leftOn: m.leftOn,
        };
      }
    }
  }
  return [
    { name: templateSheetNames.org, columns: templateColumns(orgImportFields), rows: orgRows },
    { name: templateSheetNames.member, columns: templateColumns(memberImportFields), rows: memberRows() },
  ];
}

/** What the export leaves out: members recorded at organisations that have ended (their records stay in the database and in backups). */
export async function exportLeftOut(ctx: Ctx): Promise<{ membersOfEndedOrgs: number }> {
  return { membersOfEndedOrgs: await membersOfEndedOrgs(ctx) };
}

/** Exporting personal data is logged like reading it. */
export async function exportRecords(ctx: Ctx): Promise<PassThrough> {
  const sheets = await recordSheets(ctx);
  await inTransaction(ctx, (tx) => recordAudit(tx, [{ entity: 'member', entityId: 'all', action: 'export', after: { format: 'import_template' } }]));
  const stream = new PassThrough();
  writeXlsx(stream, sheets).catch((error: Error) => stream.destroy(error));
  return stream;
}

const problemColumns: ExportColumn[] = [
  { header: 'Mức độ', key: 'severity', width: 11 },
  { header: 'Trang tính', key: 'sheet', width: 16 },
  { header: 'Dòng', key: 'row', width: 7, kind: 'number' },
  { header: 'Cột', key: 'column', width: 6 },
  { header: 'Trường', key: 'field', width: 24 },
  { header: 'Giá trị trong tệp', key: 'value', width: 28, kind: 'text' },
  { header: 'Vấn đề', key: 'message', width: 60 },
  { header: 'Cách sửa', key: 'fix', width: 60 },
];

/** The dry run's problems as a worksheet an official can sort and tick off. */
export async function problemsReport(ctx: Ctx, id: number): Promise<PassThrough> {
  const problems = importProblems(ctx, id);
  // Resolve the first item now, so that an import out of scope is a 404 rather than a broken download.
  const first = await problems.next();
  async function* rows(): AsyncIterable<ExportRow> {
    let item: IteratorResult<ImportProblem> = first;
    while (!item.done) {
      yield { ...item.value, severity: problemSeverityLabels[item.value.severity] };
      item = await problems.next();
    }
  }
  const stream = new PassThrough();
  writeXlsx(stream, [{ name: 'Vấn đề', columns: problemColumns, rows: rows() }]).catch((error: Error) => stream.destroy(error));
  return stream;
}
