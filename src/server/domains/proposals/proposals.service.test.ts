import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeTree, officialOf } from '../../test/factories.js';
import { answerProposal, changeProposal, createProposal, getProposal, listProposals } from './proposals.service.js';
import type { ProposalCreate } from '../../../shared/targets.js';
import { meetings, proposals } from '../../db/schema.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
const TODAY = '2026-11-27';
const ctx = () => clockAt(ctxFor(database), TODAY);
const officialCtx = async (orgId: number) => clockAt(ctxFor(database, await officialOf(ctxFor(database), orgId)), TODAY);

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctx());
});
afterAll(() => drop());

const proposalOf = (fromOrgId: number, toOrgId: number | null): ProposalCreate => ({
  fromOrgId,
  toOrgId,
  content: 'Đề nghị sửa đổi Quy định số 293 và 294 của Ban Bí thư',
  sentOn: '2026-11-22',
  addressee: 'Ban Thường vụ Đảng ủy Khối',
  meetingId: null,
  meetingText: 'Hội nghị Ban Thường vụ ngày 22/11/2026',
  notes: null,
});

describe('proposals to the upper level', () => {
  it('are sent by one side and seen as received by the other, who answers them', async () => {
    const sender = await officialCtx(tree.a.id);
    const receiver = await officialCtx(tree.upper.id);
    const sibling = await officialCtx(tree.b.id);
    const sent = await createProposal(sender, proposalOf(tree.a.id, tree.upper.id));
    expect(sent).toMatchObject({ status: 'sent', fromOrgName: 'Đảng bộ Sở Tài chính', toOrgId: tree.upper.id });
    expect((await listProposals(sender, { direction: 'sent' })).items.map((p) => p.id)).toContain(sent.id);
    expect((await listProposals(sender, { direction: 'received' })).items.map((p) => p.id)).not.toContain(sent.id);
    expect((await listProposals(receiver, { direction: 'received' })).items.map((p) => p.id)).toContain(sent.id);
    expect((await listProposals(sibling, {})).items.map((p) => p.id)).not.toContain(sent.id);
    await expect(getProposal(sibling, sent.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await expect(
      answerProposal(receiver, sent.id, { status: 'accepted', answeredOn: '2026-11-20', answerDocument: null, answerText: 'Đồng ý', version: sent.version }),
    ).rejects.toMatchObject({ fields: [{ field: 'answeredOn' }] });
    const answered = await answerProposal(receiver, sent.id, {
      status: 'accepted',
      answeredOn: '2026-11-26',
      answerDocument: decision('2026-11-25'),
      answerText: 'Ban Thường vụ đồng ý kiến nghị lên Trung ương',
      version: sent.version,
    });
    expect(answered).toMatchObject({ status: 'accepted', answeredOn: '2026-11-26', answerText: 'Ban Thường vụ đồng ý kiến nghị lên Trung ương' });
    await expect(
      answerProposal(sibling, sent.id, { status: 'declined', answeredOn: '2026-11-26', answerDocument: null, answerText: 'Không', version: answered.version }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The sender's side corrects what was sent; a sibling cannot reach it.
    await expect(changeProposal(sibling, sent.id, { version: answered.version, notes: 'Thử' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const changed = await changeProposal(sender, sent.id, { version: answered.version, notes: 'Đã báo cáo Tỉnh ủy' });
    expect(changed).toMatchObject({ notes: 'Đã báo cáo Tỉnh ủy', status: 'accepted', content: sent.content });
  });

  it('goes upward only: the addressee must be an upper organisation of the sender', async () => {
    await expect(createProposal(ctx(), proposalOf(tree.a.id, tree.b.id))).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: [{ field: 'toOrgId' }] });
    await expect(createProposal(ctx(), proposalOf(tree.a.id, tree.a1.id))).rejects.toMatchObject({ fields: [{ field: 'toOrgId' }] });
    // An addressee outside the deployment is named in words only.
    const outside = await createProposal(ctx(), { ...proposalOf(tree.upper.id, null), addressee: 'Ban Thường vụ Tỉnh ủy' });
    expect(outside).toMatchObject({ toOrgId: null, toOrgName: null, addressee: 'Ban Thường vụ Tỉnh ủy' });
  });
});

describe('the meeting that agreed a proposal', () => {
  it('is a held meeting of the sending organisation, on or before the day sent; any other is refused, nothing written', async () => {
    const sender = await officialCtx(tree.a.id);
    const meeting = (status: 'held' | 'planned', orgId: number, meetingOn: string) =>
      database.db
        .insert(meetings)
        .values({ orgId, kind: 'committee', status, meetingOn })
        .returning()
        .then(([row]) => row!.id);
    const agreed = await meeting('held', tree.a.id, '2026-11-20');
    const planned = await meeting('planned', tree.a.id, '2026-11-21');
    const later = await meeting('held', tree.a.id, '2026-11-25');
    const sibling = await meeting('held', tree.b.id, '2026-11-20');
    const count = async () => (await database.db.select().from(proposals)).length;
    const before = await count();
    const base = proposalOf(tree.a.id, tree.upper.id);
    await expect(createProposal(sender, { ...base, meetingId: sibling })).rejects.toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'meetingId' }] });
    await expect(createProposal(sender, { ...base, meetingId: 999_999 })).rejects.toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'meetingId' }] });
    await expect(createProposal(sender, { ...base, meetingId: planned })).rejects.toMatchObject({ fields: [{ field: 'meetingId' }] });
    await expect(createProposal(sender, { ...base, meetingId: later })).rejects.toMatchObject({ fields: [{ field: 'meetingId' }] });
    // The upper committee sees the sibling's meeting, but it is not the sender's.
    const upper = await officialCtx(tree.upper.id);
    await expect(createProposal(upper, { ...base, meetingId: sibling })).rejects.toMatchObject({ code: 'INVALID_INPUT', fields: [{ field: 'meetingId' }] });
    expect(await count()).toBe(before);

    const sent = await createProposal(sender, { ...base, meetingId: agreed });
    expect(sent.meetingId).toBe(agreed);
    // Changing the day sent to before the meeting, or the meeting to another organisation's: refused.
    await expect(changeProposal(sender, sent.id, { sentOn: '2026-11-19', version: sent.version })).rejects.toMatchObject({ fields: [{ field: 'meetingId' }] });
    await expect(changeProposal(sender, sent.id, { meetingId: sibling, version: sent.version })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await changeProposal(sender, sent.id, { meetingId: null, version: sent.version })).meetingId).toBeNull();
  });
});
