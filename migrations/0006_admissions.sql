CREATE TABLE "candidate_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "candidate_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"candidate_id" integer NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"decision" jsonb,
	"state_after" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "candidates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"full_name" text NOT NULL,
	"family_name" text NOT NULL,
	"middle_name" text NOT NULL,
	"given_name" text NOT NULL,
	"name_sort_key" text COLLATE "C" NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"place_of_origin" jsonb,
	"residence" jsonb,
	"ethnicity" text DEFAULT 'Kinh' NOT NULL,
	"religion" text DEFAULT 'Không' NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"professional_qualification" text DEFAULT '' NOT NULL,
	"theory_level" text DEFAULT 'none' NOT NULL,
	"job" text DEFAULT '' NOT NULL,
	"position" text DEFAULT '' NOT NULL,
	"national_id" text,
	"org_id" integer NOT NULL,
	"youth_union_member" boolean DEFAULT false NOT NULL,
	"awareness_certificate" jsonb,
	"introducers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"special_age_decision" jsonb,
	"dossier" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'candidate' NOT NULL,
	"member_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "probation_reviews" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "probation_reviews_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"proposal" text NOT NULL,
	"occurred_on" date NOT NULL,
	"decision" jsonb NOT NULL,
	"in_favour" integer NOT NULL,
	"against" integer NOT NULL,
	"eligible" integer NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE INDEX "candidate_events_candidate_idx" ON "candidate_events" USING btree ("candidate_id","occurred_on");--> statement-breakpoint
CREATE INDEX "candidate_events_kind_date_idx" ON "candidate_events" USING btree ("kind","occurred_on");--> statement-breakpoint
CREATE INDEX "candidates_org_idx" ON "candidates" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "candidates_state_idx" ON "candidates" USING btree ("state");--> statement-breakpoint
CREATE INDEX "candidates_member_idx" ON "candidates" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "probation_reviews_member_idx" ON "probation_reviews" USING btree ("member_id","occurred_on");