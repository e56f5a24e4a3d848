CREATE TABLE "reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"signer_title" text NOT NULL,
	"signer_name" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"sections" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"issued_on" date,
	"snapshot" jsonb,
	"snapshot_hash" text,
	"submitted_on" date,
	"submitted_to_org_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "reports_org_period_key" ON "reports" USING btree ("org_id","period_from","period_to");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_org_number_key" ON "reports" USING btree ("org_id","number") WHERE "reports"."number" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "reports_year_idx" ON "reports" USING btree ("year","org_id");