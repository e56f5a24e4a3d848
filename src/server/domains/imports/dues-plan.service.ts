/**
 * The dues rows of an import (a cell's dues sheet), in batches: the member each row names (card number, citizen ID,
 * name and birth date, or a name borne by one member of the importer's scope), the same member and month twice in the
 * file, then the dues rules of the month sheet (dues.service: planDuesImport); in the commit, the months are written.
 */
import { actorCan } from '../../permissions.js';
import { foldForSearch } from '../../../shared/vietnamese.js';
import { isPathInScope } from '../../scope.js';
import { nameColumns } from '../members/members.rules.js';
import { membersByCardOrId, membersByNameKeys, type NamedMember } from '../dues/dues.queries.js';
import { planDuesImport, writeDuesImport, type DuesImportDecision, type DuesImportEntry } from '../dues/dues.service.js';
import { duesImportFields, type DuesImportKey } from './column-mapping.js';
import type { RunContext } from './import-run.service.js';
import { formatMonth, makeProblem, type ParsedDues } from './imports.rules.js';

const batchSize = 2000;
const label = (key: DuesImportKey) => duesImportFields.find((f) => f.key === key)!.label;
const notFound = 'Không tìm thấy đảng viên này trong phạm vi quản lý của bạn.';

export class DuesPlan {
  private batch: ParsedDues[] = [];
  private readonly seen = new Map<string, number>();
  private refused = false;

  constructor(private readonly run: RunContext) {}

  get hasRows(): boolean {
    return this.batch.length > 0;
  }

  /** Returns true when a batch is full and should be processed. */
  add(row: ParsedDues): boolean {
    this.batch.push(row);
    return this.batch.length >= batchSize;
  }

  async process(): Promise<void> {
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const { ctx, log } = this.run;
    if (!actorCan(ctx.actor, 'dues.record')) {
      if (!this.refused)
        log.add(
          makeProblem(
            'error',
            'FORBIDDEN',
            { sheet: batch[0]!.sheet, row: null, column: null, field: null },
            'Tài khoản của bạn không có quyền ghi đảng phí.',
            'Hãy nhờ người có quyền ghi đảng phí nhập tệp này.',
          ),
        );
      this.refused = true;
      return;
    }
    const found = await this.findMembers(batch);
    const entries: DuesImportEntry[] = [];
    const rows = new Map<number, ParsedDues>();
    batch.forEach((row, key) => {
      const memberId = found.get(row);
      if (memberId === undefined) return;
      const first = this.seen.get(`${memberId}|${row.month}`);
      if (first !== undefined) {
        log.add(
          makeProblem(
            'error',
            'DUPLICATE_MONTH',
            { sheet: row.sheet, row: row.row, column: row.columns.month ?? null, field: label('month'), value: formatMonth(row.month) },
            `Đảng phí tháng ${formatMonth(row.month)} của đảng viên này đã có ở dòng ${first}.`,
            'Mỗi đảng viên một dòng cho mỗi tháng: hãy xóa dòng bị lặp hoặc sửa lại tháng.',
          ),
        );
        return;
      }
      this.seen.set(`${memberId}|${row.month}`, row.row);
      rows.set(key, row);
      entries.push({
        key,
        memberId,
        month: row.month,
        amount: row.amount,
        extraAmount: row.extraAmount,
        paidOn: row.paidOn,
        collector: row.collector,
        unpaidReason: row.unpaidReason,
      });
    });
    const decisions = await planDuesImport(ctx, entries);
    const tally = this.run.counts.dues!;
    for (const d of decisions) {
      const row = rows.get(d.key)!;
      for (const p of d.problems) {
        const key: DuesImportKey = p.field === 'member' ? (row.cardNumber ? 'cardNumber' : 'fullName') : p.field;
        const value = key === 'month' ? formatMonth(row.month) : key === 'amount' ? row.amount : key === 'cardNumber' ? row.cardNumber : row.fullName;
        log.add(
          makeProblem(p.severity, p.code, { sheet: row.sheet, row: row.row, column: row.columns[key] ?? null, field: label(key), value }, p.message, p.fix),
        );
      }
      if (d.action === 'create') tally.created += 1;
      else if (d.action === 'update') tally.updated += 1;
      else if (d.action === 'unchanged') tally.unchanged += 1;
    }
    if (this.run.mode === 'commit' && log.counts.error === 0) await writeDuesImport(ctx, decisions.filter(writable), this.run.reason);
  }

  /** Each row's member, or an error at its row: unknown, outside the scope, a card number of someone else, or a name two members bear. */
  private async findMembers(batch: ParsedDues[]): Promise<Map<ParsedDues, number>> {
    const { ctx, log } = this.run;
    const byNumber = await membersByCardOrId(
      ctx.db,
      batch.flatMap((r) => (r.cardNumber ? [r.cardNumber] : [])),
      batch.flatMap((r) => (r.nationalId ? [r.nationalId] : [])),
    );
    const byName = await membersByNameKeys(
      ctx.db,
      ctx.actor.scope,
      batch.filter((r) => !r.cardNumber && !r.nationalId).map((r) => nameColumns(r.fullName).nameSortKey),
    );
    const found = new Map<ParsedDues, number>();
    for (const row of batch) {
      const at = (key: DuesImportKey, value: unknown) => ({ sheet: row.sheet, row: row.row, column: row.columns[key] ?? null, field: label(key), value });
      const numbered = row.cardNumber ?? row.nationalId;
      if (numbered) {
        const key: DuesImportKey = row.cardNumber ? 'cardNumber' : 'nationalId';
        const member = byNumber.find((m) => (row.cardNumber ? m.cardNumber === row.cardNumber : m.nationalId === row.nationalId));
        if (!member || !isPathInScope(ctx.actor.scope, member.orgPath)) {
          log.add(makeProblem('error', 'UNKNOWN_MEMBER', at(key, numbered), notFound, `Hãy kiểm tra lại ${label(key).toLowerCase()}.`));
          continue;
        }
        if (foldForSearch(member.fullName) !== foldForSearch(row.fullName)) {
          log.add(
            makeProblem(
              'error',
              'NAME_MISMATCH',
              at('fullName', row.fullName),
              `${label(key)} ${numbered} là của đảng viên ${member.fullName}, không phải ${row.fullName}.`,
              `Hãy kiểm tra lại họ tên hoặc ${label(key).toLowerCase()} của dòng này.`,
            ),
          );
          continue;
        }
        found.set(row, member.id);
        continue;
      }
      const key = nameColumns(row.fullName).nameSortKey;
      let namesakes: NamedMember[] = byName.filter((m) => m.nameSortKey === key);
      if (row.birthDate) namesakes = namesakes.filter((m) => m.birthDate === row.birthDate);
      if (namesakes.length === 0) {
        log.add(
          makeProblem('error', 'UNKNOWN_MEMBER', at('fullName', row.fullName), notFound, 'Hãy kiểm tra họ tên (và ngày sinh), hoặc ghi số thẻ đảng viên.'),
        );
        continue;
      }
      if (namesakes.length > 1) {
        log.add(
          makeProblem(
            'error',
            'AMBIGUOUS_MEMBER',
            at('fullName', row.fullName),
            `Trong phạm vi của bạn có ${namesakes.length} đảng viên tên ${row.fullName}${row.birthDate ? ' cùng ngày sinh' : ''}.`,
            'Hãy thêm cột Số thẻ đảng viên (hoặc Ngày sinh) để nhận đúng người.',
          ),
        );
        continue;
      }
      found.set(row, namesakes[0]!.id);
    }
    return found;
  }
}

const writable = (d: DuesImportDecision) => d.action === 'create' || d.action === 'update';
