import { inTransaction, type Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import { invalidField, notFound, notFoundField, staleVersion } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { denunciationRows, handlerAccounts, findDenunciation, insertDenunciation, updateDenunciation, type DenunciationRow } from './inspection.queries.js';
import { CASE, handlingOrgFor, inspectionSight, linkedCase, resolveSubject } from './inspection.service.js';
import type { DenunciationCreate, DenunciationDetail, DenunciationEntryInput, DenunciationSummary } from '../../../shared/inspection.js';

const DENUNCIATION = 'đơn tố cáo, khiếu nại';

/** A denunciation in the register of the actor's organisation (the admin: any), else 404 like one that does not exist. */
async function denunciationInSight(ctx: Ctx, id: number): Promise<DenunciationRow> {
  const sight = inspectionSight(ctx, DENUNCIATION);
  const row = await findDenunciation(ctx.db, id);
  if (!row || (sight !== null && row.handlingOrgId !== sight)) throw notFound(DENUNCIATION);
  return row;
}

/** Who denounced is shown only to the accounts handling it: not to the rest of the register's readers, nor the admin. */
const isHandler = (ctx: Ctx, row: DenunciationRow) => ctx.actor.userId !== null && row.handlerUserIds.includes(ctx.actor.userId);

function detailOf(ctx: Ctx, row: DenunciationRow): DenunciationDetail {
  const handler = isHandler(ctx, row);
  return {
    id: row.id,
    handlingOrgId: row.handlingOrgId,
    kind: row.kind,
    receivedOn: row.receivedOn,
    anonymous: row.denouncer === null,
    aboutKind: row.aboutKind,
    aboutOrgId: row.aboutOrgId,
    aboutMemberId: row.aboutMemberId,
    aboutName: row.aboutName,
    content: row.content,
    stage: row.stage,
    caseId: row.caseId,
    denouncer: handler ? row.denouncer : null,
    identityHidden: !handler && row.denouncer !== null,
    handler,
    entries: row.entries,
    version: row.version,
  };
}

export async function listDenunciations(ctx: Ctx): Promise<{ items: DenunciationSummary[] }> {
  const sight = inspectionSight(ctx, DENUNCIATION);
  return { items: (await denunciationRows(ctx.db, sight)) as unknown as DenunciationSummary[] };
}

export async function getDenunciation(ctx: Ctx, id: number): Promise<DenunciationDetail> {
  return detailOf(ctx, await denunciationInSight(ctx, id));
}

/** The handlers named must be accounts of the handling organisation's inspection staff (or the admin). */
async function checkHandlers(ctx: Ctx, orgId: number, ids: number[]) {
  if (ids.length === 0) return;
  const allowed = await handlerAccounts(ctx.db, orgId, ids);
  if (allowed.length !== new Set(ids).size) throw invalidField('handlerUserIds', 'Người xử lý phải là cán bộ kiểm tra của tổ chức tiếp nhận đơn.');
}

export async function registerDenunciation(ctx: Ctx, input: DenunciationCreate): Promise<DenunciationDetail> {
  assertCan(ctx, 'inspection.write');
  return inTransaction(ctx, async (tx) => {
    const handling = await handlingOrgFor(tx, input.handlingOrgId);
    const about = await resolveSubject(tx, handling, input.about, input.receivedOn, 'about');
    const handlers = [...new Set(input.handlerUserIds.length > 0 ? input.handlerUserIds : tx.actor.userId !== null ? [tx.actor.userId] : [])];
    await checkHandlers(tx, handling.id, handlers);
    const row = await insertDenunciation(tx.db, {
      handlingOrgId: handling.id,
      kind: input.kind,
      receivedOn: input.receivedOn,
      denouncer: input.denouncer,
      aboutKind: about.kind,
      aboutOrgId: about.orgId,
      aboutMemberId: about.memberId,
      aboutName: about.name,
      content: input.content,
      handlerUserIds: handlers,
      entries: [{ stage: 'received', occurredOn: input.receivedOn, text: 'Tiếp nhận đơn', by: tx.actor.name }],
    });
    // The audit trail is readable by the admin: it keeps that a denunciation was registered, never who made it.
    await recordAudit(tx, [
      {
        entity: 'denunciation',
        entityId: row.id,
        action: 'denunciation:register',
        after: { handlingOrgId: row.handlingOrgId, kind: row.kind, receivedOn: row.receivedOn },
      },
    ]);
    return detailOf(tx, row);
  });
}

/** Appends a dated stage (verification, handling, closing) to a denunciation; it may name the case opened for it. */
export async function recordDenunciationEntry(ctx: Ctx, id: number, input: DenunciationEntryInput): Promise<DenunciationDetail> {
  assertCan(ctx, 'inspection.write');
  return inTransaction(ctx, async (tx) => {
    const row = await denunciationInSight(tx, id);
    // Every record the request names is looked up first (404 out of sight, as absent), then the rules apply.
    // The case must be the register's own organisation's (the admin sees others').
    const linked = input.caseId ? await linkedCase(tx, input.caseId) : null;
    if (linked && linked.handlingOrgId !== row.handlingOrgId) throw notFoundField('caseId', CASE);
    if (row.version !== input.version) throw staleVersion('Đơn tố cáo, khiếu nại');
    if (input.occurredOn < row.receivedOn) throw invalidField('occurredOn', 'Ngày: không được trước ngày tiếp nhận đơn.');
    const last = row.entries.at(-1);
    if (last && input.occurredOn < last.occurredOn) throw invalidField('occurredOn', 'Ngày: không được trước bước đã ghi trước đó.');
    if (row.stage === 'closed') throw invalidField('stage', 'Đơn đã kết thúc xử lý.');
    const caseId = linked?.id ?? row.caseId;
    const entries = [...row.entries, { stage: input.stage, occurredOn: input.occurredOn, text: input.text, by: tx.actor.name }];
    const after = await updateDenunciation(tx.db, id, input.version, { stage: input.stage, entries, caseId });
    if (!after) throw staleVersion('Đơn tố cáo, khiếu nại');
    await recordAudit(tx, [
      { entity: 'denunciation', entityId: id, action: `denunciation:${input.stage}`, after: { stage: input.stage, occurredOn: input.occurredOn, caseId } },
    ]);
    return detailOf(tx, after);
  });
}
