CREATE TABLE "member_ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "member_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"year" integer NOT NULL,
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"grassroots_org_id" integer,
	"self_score" double precision,
	"self_grade" text,
	"self_note" text,
	"self_assessed_on" date,
	"proposed_score" double precision,
	"proposed_grade" text,
	"excellent_conditions_met" boolean,
	"tasks_not_done" boolean,
	"proposed_on" date,
	"proposal_note" text,
	"decided_grade" text,
	"decided_on" date,
	"decision" jsonb,
	"excuse" text,
	"excuse_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_ratings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "org_ratings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"round_id" integer NOT NULL,
	"year" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"org_kind" text NOT NULL,
	"self_score" double precision,
	"self_grade" text,
	"self_note" text,
	"self_assessed_on" date,
	"decided_score" double precision,
	"decided_grade" text,
	"excellent_conditions_met" boolean,
	"tasks_not_done" boolean,
	"disciplined_sub_unit_or_leader" boolean,
	"title" text,
	"decided_on" date,
	"decision" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_rounds" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "rating_rounds_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"year" integer NOT NULL,
	"opened_on" date NOT NULL,
	"due_on" date NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "member_ratings_round_member_key" ON "member_ratings" USING btree ("round_id","member_id");--> statement-breakpoint
CREATE INDEX "member_ratings_path_idx" ON "member_ratings" USING btree ("org_path","year");--> statement-breakpoint
CREATE INDEX "member_ratings_grassroots_idx" ON "member_ratings" USING btree ("round_id","grassroots_org_id");--> statement-breakpoint
CREATE INDEX "member_ratings_member_idx" ON "member_ratings" USING btree ("member_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "org_ratings_round_org_key" ON "org_ratings" USING btree ("round_id","org_id");--> statement-breakpoint
CREATE INDEX "org_ratings_path_idx" ON "org_ratings" USING btree ("org_path","year");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_rounds_org_year_key" ON "rating_rounds" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "rating_rounds_path_idx" ON "rating_rounds" USING btree ("org_path","year");