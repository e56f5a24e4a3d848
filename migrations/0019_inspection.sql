CREATE TABLE "denunciations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "denunciations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"handling_org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"received_on" date NOT NULL,
	"denouncer" jsonb,
	"about_kind" text NOT NULL,
	"about_org_id" integer,
	"about_member_id" integer,
	"about_name" text NOT NULL,
	"content" text NOT NULL,
	"stage" text DEFAULT 'received' NOT NULL,
	"case_id" integer,
	"handler_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"entries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_case_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_case_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"case_id" integer NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"decision" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
CREATE TABLE "inspection_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"handling_org_id" integer NOT NULL,
	"handling_body" text NOT NULL,
	"kind" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_org_id" integer,
	"subject_member_id" integer,
	"subject_name" text NOT NULL,
	"subject_path" text COLLATE "C" NOT NULL,
	"content" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"team" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan_item_id" integer,
	"decision" jsonb NOT NULL,
	"opened_on" date NOT NULL,
	"timetable" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"concluded_on" date,
	"findings" text,
	"conclusion" text,
	"violation" boolean,
	"recommendations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"paper" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plan_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_plan_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_org_id" integer,
	"subject_member_id" integer,
	"subject_name" text NOT NULL,
	"case_kind" text NOT NULL,
	"content" text NOT NULL,
	"planned_from" date NOT NULL,
	"planned_to" date NOT NULL,
	"team" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"handling_org_id" integer NOT NULL,
	"handling_body" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"decision" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "denunciations_handling_idx" ON "denunciations" USING btree ("handling_org_id","received_on");--> statement-breakpoint
CREATE INDEX "inspection_case_steps_case_idx" ON "inspection_case_steps" USING btree ("case_id","occurred_on");--> statement-breakpoint
CREATE INDEX "inspection_cases_handling_idx" ON "inspection_cases" USING btree ("handling_org_id","opened_on");--> statement-breakpoint
CREATE INDEX "inspection_cases_subject_path_idx" ON "inspection_cases" USING btree ("subject_path");--> statement-breakpoint
CREATE INDEX "inspection_cases_member_idx" ON "inspection_cases" USING btree ("subject_member_id");--> statement-breakpoint
CREATE INDEX "inspection_cases_org_idx" ON "inspection_cases" USING btree ("subject_org_id");--> statement-breakpoint
CREATE INDEX "inspection_plan_items_plan_idx" ON "inspection_plan_items" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "inspection_plans_org_idx" ON "inspection_plans" USING btree ("handling_org_id","year");