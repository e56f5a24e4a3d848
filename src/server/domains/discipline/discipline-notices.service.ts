import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { findMember } from '../members/members.queries.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { viDate } from '../rulebook/rule-violation.rules.js';
import { findNotice, insertNotice, listAppealRows, listNoticeRows, updateNotice } from './discipline.queries.js';
import { seesDrafts } from './discipline.service.js';
import { severityOf, type SeverityCalendar } from '../radar/radar.rules.js';
import { addDays, compareIso, todayIso } from '../../../shared/dates.js';
import type { NoticeInput, NoticeReceiptInput, NoticeView } from '../../../shared/discipline.js';
import type { AttentionItem } from '../../../shared/radar.js';

const NOTICE = 'thông báo kỷ luật';

async function noticeView(ctx: Ctx, id: number): Promise<NoticeView> {
  const rows = await listNoticeRows(ctx.db, { kind: 'all' }, todayIso(ctx.now()));
  return rows.find((r) => r.id === id)!;
}

/**
 * A state body's or mass organisation's discipline of a party member: due to reach the party organisation within the
 * rulebook's days of its decision (296-QĐ/TW); recorded when it arrives, or before, from another source, to chase it.
 */
export async function recordNotice(ctx: Ctx, input: NoticeInput): Promise<NoticeView> {
  assertCan(ctx, 'discipline.record');
  return inTransaction(ctx, async (tx) => {
    const member = await findMember(tx.db, input.memberId);
    if (!member || !isPathInScope(tx.actor.scope, member.orgPath)) throw notFoundField('memberId', 'đảng viên');
    if (input.receivedOn && compareIso(input.receivedOn, input.decision.date) < 0)
      throw invalidField('receivedOn', 'Ngày nhận thông báo không được trước ngày quyết định kỷ luật.');
    const days = await ruleAt<number>(tx, 'discipline_notification_days', input.decision.date);
    const row = await insertNotice(tx.db, {
      memberId: member.id,
      orgId: member.orgId,
      orgPath: member.orgPath,
      issuerKind: input.issuerKind,
      issuer: input.issuer,
      measure: input.measure,
      decision: input.decision,
      dueOn: addDays(input.decision.date, days.value),
      receivedOn: input.receivedOn,
      note: input.note,
      rulesApplied: { discipline_notification_days: { value: days.value, source: days.source } },
    });
    await recordAudit(tx, [{ entity: 'member', entityId: member.id, action: 'discipline_notice:record', after: row }]);
    return noticeView(tx, row.id);
  });
}

export async function receiveNotice(ctx: Ctx, id: number, input: NoticeReceiptInput): Promise<NoticeView> {
  assertCan(ctx, 'discipline.record');
  return inTransaction(ctx, async (tx) => {
    const notice = await findNotice(tx.db, id);
    if (!notice || !isPathInScope(tx.actor.scope, notice.orgPath)) throw notFound(NOTICE);
    if (notice.receivedOn) throw invalidField('receivedOn', `Thông báo này đã được ghi nhận ngày ${viDate(notice.receivedOn)}.`);
    if (notice.version !== input.version) throw staleVersion('Thông báo kỷ luật');
    if (compareIso(input.receivedOn, notice.decision.date) < 0)
      throw invalidField('receivedOn', 'Ngày nhận thông báo không được trước ngày quyết định kỷ luật.');
    const after = await updateNotice(tx.db, id, input.version, { receivedOn: input.receivedOn });
    if (!after) throw staleVersion('Thông báo kỷ luật');
    await recordAudit(tx, [{ entity: 'member', entityId: notice.memberId, action: 'discipline_notice:receive', before: notice, after }]);
    return noticeView(tx, id);
  });
}

export async function listNotices(ctx: Ctx): Promise<{ items: NoticeView[] }> {
  if (ctx.actor.scope.kind === 'self') return { items: [] };
  return { items: await listNoticeRows(ctx.db, ctx.actor.scope, todayIso(ctx.now())) };
}

/**
 * The radar's discipline items: notices still missing after their due day, and (for those who record discipline)
 * open appeals with their decision due day.
 */
export async function disciplineAttention(ctx: Ctx, today: string, calendar: SeverityCalendar): Promise<AttentionItem[]> {
  if (ctx.actor.scope.kind === 'self') return [];
  const missing = await listNoticeRows(ctx.db, ctx.actor.scope, today, { missingOn: today });
  const items: AttentionItem[] = missing.map((n) => ({
    kind: 'discipline_notice',
    label: `Chưa nhận thông báo kỷ luật của ${n.issuer} đối với đảng viên ${n.memberName} (hạn ${viDate(n.dueOn)})`,
    dueOn: n.dueOn,
    memberId: n.memberId,
    orgId: n.orgId,
    severity: 'overdue',
  }));
  if (seesDrafts(ctx)) {
    for (const a of await listAppealRows(ctx.db, ctx.actor.scope, { open: true }))
      items.push({
        kind: 'discipline_appeal',
        label: `Giải quyết khiếu nại kỷ luật của ${a.appellant} (${a.subjectName ?? ''})`,
        dueOn: a.dueOn,
        orgId: a.orgId ?? 0,
        severity: severityOf(a.dueOn, today, calendar),
      });
  }
  return items;
}
