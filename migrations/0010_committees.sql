CREATE TABLE "committee_seats" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_seats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"position" text NOT NULL,
	"term" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"decision" jsonb NOT NULL,
	"end_decision" jsonb,
	"end_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "committee_seats_org_idx" ON "committee_seats" USING btree ("org_id","start_on");--> statement-breakpoint
CREATE INDEX "committee_seats_member_idx" ON "committee_seats" USING btree ("member_id");