ALTER TABLE "candidates" ADD COLUMN "union_resolution" jsonb;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "lower_secondary" jsonb;