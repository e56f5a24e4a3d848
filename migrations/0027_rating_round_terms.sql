DROP INDEX "rating_rounds_org_year_key";--> statement-breakpoint
ALTER TABLE "rating_rounds" ADD COLUMN "kind" text DEFAULT 'year' NOT NULL;--> statement-breakpoint
ALTER TABLE "rating_rounds" ADD COLUMN "term" text;--> statement-breakpoint
CREATE UNIQUE INDEX "rating_rounds_org_term_key" ON "rating_rounds" USING btree ("org_id","term") WHERE "rating_rounds"."kind" = 'term';--> statement-breakpoint
CREATE UNIQUE INDEX "rating_rounds_org_year_key" ON "rating_rounds" USING btree ("org_id","year") WHERE "rating_rounds"."kind" = 'year';