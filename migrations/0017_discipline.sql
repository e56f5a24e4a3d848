CREATE TABLE "discipline_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "discipline_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"issuer_kind" text NOT NULL,
	"issuer" text NOT NULL,
	"measure" text NOT NULL,
	"decision" jsonb NOT NULL,
	"due_on" date NOT NULL,
	"received_on" date,
	"rules_applied" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanction_appeals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sanction_appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sanction_id" integer NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"received_on" date NOT NULL,
	"appellant" text NOT NULL,
	"content" text NOT NULL,
	"filing_deadline_on" date NOT NULL,
	"due_on" date NOT NULL,
	"handling_body" text NOT NULL,
	"rules_applied" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" text,
	"decided_on" date,
	"decision" jsonb,
	"new_form" text,
	"outcome_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sanction_effects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sanction_effects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sanction_id" integer NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"ref_id" integer NOT NULL,
	"undone_by_effect_id" integer,
	"appeal_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "sanctions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sanctions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"subject_kind" text NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"member_id" integer,
	"case_id" integer,
	"offence_group" text NOT NULL,
	"offence" text NOT NULL,
	"offence_on" date NOT NULL,
	"later_offence_on" date,
	"state" text NOT NULL,
	"proposed_form" text NOT NULL,
	"proposed_on" date NOT NULL,
	"proposed_by" text NOT NULL,
	"deciding_org_id" integer,
	"deciding_body" text,
	"form" text,
	"decision" jsonb,
	"effective_on" date,
	"limitation_check" jsonb,
	"withdrawn_on" date,
	"withdrawn_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "discipline_notices_scope_idx" ON "discipline_notices" USING btree ("org_path","due_on");--> statement-breakpoint
CREATE INDEX "discipline_notices_member_idx" ON "discipline_notices" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "sanction_appeals_sanction_idx" ON "sanction_appeals" USING btree ("sanction_id");--> statement-breakpoint
CREATE INDEX "sanction_appeals_scope_idx" ON "sanction_appeals" USING btree ("org_path","received_on");--> statement-breakpoint
CREATE INDEX "sanction_effects_sanction_idx" ON "sanction_effects" USING btree ("sanction_id");--> statement-breakpoint
CREATE INDEX "sanctions_scope_idx" ON "sanctions" USING btree ("org_path","effective_on");--> statement-breakpoint
CREATE INDEX "sanctions_member_idx" ON "sanctions" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "sanctions_org_idx" ON "sanctions" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sanctions_case_idx" ON "sanctions" USING btree ("case_id");