CREATE TABLE "badge_awards" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "badge_awards_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"milestone_years" integer NOT NULL,
	"award_on" date NOT NULL,
	"decision" jsonb NOT NULL,
	"posthumous" boolean DEFAULT false NOT NULL,
	"early" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_bases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_bases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint,
	"region" text,
	"valid_from" text COLLATE "C" NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_payments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_payments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"org_path" text COLLATE "C" NOT NULL,
	"month" text COLLATE "C" NOT NULL,
	"due_amount" bigint NOT NULL,
	"paid" boolean NOT NULL,
	"exempt" boolean DEFAULT false NOT NULL,
	"paid_amount" bigint DEFAULT 0 NOT NULL,
	"extra_amount" bigint DEFAULT 0 NOT NULL,
	"paid_on" date,
	"collector" text,
	"unpaid_reason" text,
	"rule_source" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dues_reliefs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dues_reliefs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"kind" text NOT NULL,
	"ground" text NOT NULL,
	"percent" integer NOT NULL,
	"from_month" text COLLATE "C" NOT NULL,
	"to_month" text COLLATE "C",
	"decision" jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "badge_awards_member_milestone_idx" ON "badge_awards" USING btree ("member_id","milestone_years");--> statement-breakpoint
CREATE INDEX "dues_bases_member_idx" ON "dues_bases" USING btree ("member_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "dues_payments_member_month_idx" ON "dues_payments" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_org_month_idx" ON "dues_payments" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "dues_payments_path_month_idx" ON "dues_payments" USING btree ("org_path","month");--> statement-breakpoint
CREATE INDEX "dues_reliefs_member_idx" ON "dues_reliefs" USING btree ("member_id","from_month");