import { z } from 'zod';
import { decision, isoDateSchema } from './org.js';
import { day, decisionView, timestamp } from './responses.js';

export const badgeListQuery = z.object({
  /** The award date the list is for (default: the next award date from today). */
  awardOn: isoDateSchema.optional(),
});
export type BadgeListQuery = z.infer<typeof badgeListQuery>;

/** A member due a badge on the award date: the milestone reached (or reached early for serious illness). */
export const badgeCandidate = z.object({
  memberId: z.number().int(),
  fullName: z.string(),
  birthDate: day.nullable(),
  admittedOn: day.nullable(),
  orgId: z.number().int(),
  orgName: z.string(),
  milestoneYears: z.number().int(),
  partyAgeYears: z.number().int(),
  partyAgeMonths: z.number().int(),
  /** Proposed early for serious illness (RULES.md "Party age and badges"). */
  early: z.boolean(),
  deceased: z.boolean(),
});
export type BadgeCandidate = z.infer<typeof badgeCandidate>;

export const badgeList = z.object({
  awardOn: day,
  awardDates: z.array(day),
  items: z.array(badgeCandidate),
  counts: z.array(z.object({ milestoneYears: z.number().int(), count: z.number().int() })),
  source: z.string(),
});
export type BadgeList = z.infer<typeof badgeList>;

export const badgeAwardInput = z.object({
  milestoneYears: z.number().int().min(1).max(120),
  awardOn: isoDateSchema,
  decision,
  /** Awarded after the member's death. */
  posthumous: z.boolean().default(false),
  /** Awarded early for serious illness. */
  early: z.boolean().default(false),
});
export type BadgeAwardInput = z.infer<typeof badgeAwardInput>;

export const badgeAward = z.object({
  id: z.number().int(),
  memberId: z.number().int(),
  milestoneYears: z.number().int(),
  awardOn: day,
  decision: decisionView,
  posthumous: z.boolean(),
  early: z.boolean(),
  createdBy: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type BadgeAward = z.input<typeof badgeAward>;
export const badgeAwardList = z.object({ items: z.array(badgeAward) });
