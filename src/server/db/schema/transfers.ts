import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { IncomingPerson, MovingDecision, TemporaryPurpose, TransferDirection, TransferKind, TransferState } from '../../../shared/transfers.js';
import { timestamps, version } from './columns.js';

/**
 * A transfer of party activity (chuyển sinh hoạt đảng): one row per transfer with its current state and the
 * letter's fields; each step is also kept, dated, in `transfer_steps`. Organisation paths are not copied:
 * scope is checked through `orgs`, so a re-parented organisation never leaves a stale path here.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').$type<TransferKind>().notNull(),
    direction: text('direction').$type<TransferDirection>().notNull(),
    state: text('state').$type<TransferState>().notNull(),
    /** Null only while a person arriving from outside has no record yet (and for a temporary arrival, which never gets one). */
    memberId: integer('member_id'),
    /** Who an incoming letter introduces, as written on it. */
    person: jsonb('person').$type<IncomingPerson>(),
    sendingOrgId: integer('sending_org_id'),
    receivingOrgId: integer('receiving_org_id'),
    /** The other organisation, outside the deployment (destination of `out`, origin of `in`). */
    externalOrgName: text('external_org_name'),
    /** The decision that moves the member (new job, retirement, leaving work, new residence); the letter deadline counts from the day it takes effect. */
    movingDecision: jsonb('moving_decision').$type<MovingDecision>(),
    purpose: text('purpose').$type<TemporaryPurpose>(),
    temporaryFrom: date('temporary_from'),
    temporaryUntil: date('temporary_until'),
    letterDueOn: date('letter_due_on'),
    letterNumber: text('letter_number'),
    letterOn: date('letter_on'),
    letterLateReason: text('letter_late_reason'),
    cardNumber: text('card_number'),
    profileNumber: text('profile_number'),
    cellListNumber: text('cell_list_number'),
    transferRegisterNumber: text('transfer_register_number'),
    /** 'YYYY-MM': the last month whose dues are paid. */
    duesPaidThrough: text('dues_paid_through'),
    place: text('place'),
    signer: jsonb('signer').$type<{ authority: string; title: string; name: string }>(),
    presentDueOn: date('present_due_on'),
    presentedOn: date('presented_on'),
    lateReason: text('late_reason'),
    returnedOn: date('returned_on'),
    cancelReason: text('cancel_reason'),
    note: text('note'),
    createdBy: integer('created_by'),
    version: version(),
    ...timestamps,
  },
  (t) => [
    index('transfers_member_idx').on(t.memberId),
    index('transfers_sending_idx').on(t.sendingOrgId, t.state),
    index('transfers_receiving_idx').on(t.receivingOrgId, t.state),
    index('transfers_state_idx').on(t.state),
  ],
);

/** The dated history of a transfer: creation, letter, receipt, return, cancellation. */
export const transferSteps = pgTable(
  'transfer_steps',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    transferId: integer('transfer_id').notNull(),
    step: text('step').$type<'created' | TransferState>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('transfer_steps_transfer_idx').on(t.transferId)],
);
