import { z } from 'zod';

/** A row of the audit log as read (its hashes and seal stay on the server). */
export const auditEntry = z.object({
  id: z.number().int(),
  /** When it was written, as ISO text. */
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  /** Names of the organisations and members the row mentions by id (`org:162`, `member:5`), in the reader's scope. */
  names: z.record(z.string(), z.string()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const chainProblems = ['altered', 'missing_before', 'broken_link', 'unsealed', 'bad_seal', 'checkpoint_mismatch', 'missing_after'] as const;

/** `GET /audit/verify`: whether the chain is intact, and where it is not. */
export const chainReport = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstProblem: z.object({ id: z.number().int(), problem: z.enum(chainProblems) }).nullable(),
  /** The checkpoint the chain contradicts, or (when intact) the newest one it agrees with. */
  checkpoint: z
    .object({
      rows: z.number().int(),
      headId: z.number().int(),
      headHash: z.string(),
      macFrom: z.number().int().nullable(),
      at: z.string(),
      source: z.string(),
      mac: z.string(),
    })
    .nullable(),
  /** A line of the checkpoint file that is damaged or not signed with the key. */
  damagedCheckpointLine: z.number().int().optional(),
  /** Whether rows are sealed and checkpoints checked (a key is configured). */
  keyed: z.boolean(),
  /** The verdict in one Vietnamese sentence, naming the first row or the checkpoint in question. */
  message: z.string(),
});
export type ChainReport = z.infer<typeof chainReport>;
