CREATE TABLE "culture_standard_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "culture_standard_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"met" boolean NOT NULL,
	"evidence" text NOT NULL,
	"recorded_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"from_org_id" integer NOT NULL,
	"to_org_id" integer,
	"content" text NOT NULL,
	"sent_on" date NOT NULL,
	"addressee" text NOT NULL,
	"meeting_id" integer,
	"meeting_text" text,
	"notes" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"answered_on" date,
	"answer_document" jsonb,
	"answer_text" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "targets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"metric_name" text,
	"part_keys" jsonb,
	"measure" text NOT NULL,
	"comparison" text NOT NULL,
	"value" double precision NOT NULL,
	"adopted_by" text,
	"notes" text,
	"manual_value" double precision,
	"manual_as_of" date,
	"evidence" text,
	"scope_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"end_kind" text,
	"ended_on" date,
	"end_reason" text,
	"end_event_id" integer,
	"carried_from_id" integer,
	"carried_to_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"year" integer NOT NULL,
	"text" text NOT NULL,
	"owner" text,
	"due_on" date,
	"status" text NOT NULL,
	"notes" text,
	"end_kind" text,
	"ended_on" date,
	"end_reason" text,
	"end_event_id" integer,
	"carried_from_id" integer,
	"carried_to_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "culture_standard_records_org_year_key" ON "culture_standard_records" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "proposals_from_idx" ON "proposals" USING btree ("from_org_id","sent_on");--> statement-breakpoint
CREATE INDEX "proposals_to_idx" ON "proposals" USING btree ("to_org_id","sent_on");--> statement-breakpoint
CREATE INDEX "targets_org_year_idx" ON "targets" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "tasks_org_year_idx" ON "tasks" USING btree ("org_id","year");