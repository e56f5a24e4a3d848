import { date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { CommitteePosition } from '../../../shared/committees.js';
import type { Decision } from '../../../shared/org.js';
import { timestamps, version } from './columns.js';

/** Who held which seat of an organisation's committee, from when to when (cấp ủy by term); ended, never deleted. */
export const committeeSeats = pgTable(
  'committee_seats',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    orgId: integer('org_id').notNull(),
    memberId: integer('member_id').notNull(),
    position: text('position').$type<CommitteePosition>().notNull(),
    term: text('term').notNull(),
    startOn: date('start_on').notNull(),
    endOn: date('end_on'),
    decision: jsonb('decision').$type<Decision>().notNull(),
    endDecision: jsonb('end_decision').$type<Decision>(),
    endReason: text('end_reason'),
    version: version(),
    ...timestamps,
  },
  (t) => [index('committee_seats_org_idx').on(t.orgId, t.startOn), index('committee_seats_member_idx').on(t.memberId)],
);
