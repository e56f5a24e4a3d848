import type { Ctx } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { ruleAt } from '../rulebook/rulebook.service.js';
import { insertDemoRatings } from '../ratings/ratings.queries.js';

/**
 * ratings: last year's review of the demo bloc (the year before the demo's `today`), every member and organisation
 * decided, the excellent members within each grassroots organisation's quota. One audit row for the batch.
 */
export async function loadDemoRatings(ctx: Ctx, options: { today: string; seed: number }) {
  const year = Number(options.today.slice(0, 4)) - 1;
  const quota = await ruleAt<number>(ctx, 'rating_excellent_quota_percent', `${year}-12-31`);
  const written = await insertDemoRatings(ctx.db, { year, seed: options.seed, quotaPercent: quota.value });
  await recordAudit(ctx, [{ entity: 'rating_round', entityId: `bulk:${year}`, action: 'bulk_create', after: { year, ...written }, reason: ctx.reason }]);
  return written;
}
