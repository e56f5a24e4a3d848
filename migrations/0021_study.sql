CREATE TABLE "committee_reforms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_reforms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"term_id" integer,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"decision" jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_terms" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "committee_terms_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"term" text NOT NULL,
	"congress_on" date NOT NULL,
	"delegates" integer NOT NULL,
	"elected_count" integer NOT NULL,
	"decision" jsonb NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "party_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"issuer_level" text NOT NULL,
	"issuer_org_id" integer,
	"issuer_name" text NOT NULL,
	"issued_on" date NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"file_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "self_study_confirmations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "self_study_confirmations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"member_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	"studied_on" date NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_attendance" (
	"session_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "study_attendance_session_id_member_id_pk" PRIMARY KEY("session_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "study_requirements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "study_requirements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"deadline" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "study_session_documents" (
	"session_id" integer NOT NULL,
	"document_id" integer NOT NULL,
	CONSTRAINT "study_session_documents_session_id_document_id_pk" PRIMARY KEY("session_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "study_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "study_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"meeting_id" integer,
	"title" text NOT NULL,
	"place" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "committee_reforms" ADD CONSTRAINT "committee_reforms_term_id_committee_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."committee_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_documents" ADD CONSTRAINT "party_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "self_study_confirmations" ADD CONSTRAINT "self_study_confirmations_document_id_party_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."party_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_attendance" ADD CONSTRAINT "study_attendance_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_requirements" ADD CONSTRAINT "study_requirements_document_id_party_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."party_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session_documents" ADD CONSTRAINT "study_session_documents_session_id_study_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."study_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "study_session_documents" ADD CONSTRAINT "study_session_documents_document_id_party_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."party_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "committee_reforms_org_idx" ON "committee_reforms" USING btree ("org_id","occurred_on");--> statement-breakpoint
CREATE INDEX "committee_reforms_date_idx" ON "committee_reforms" USING btree ("occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "committee_terms_org_term_idx" ON "committee_terms" USING btree ("org_id","term");--> statement-breakpoint
CREATE INDEX "party_documents_org_idx" ON "party_documents" USING btree ("org_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "party_documents_code_idx" ON "party_documents" USING btree ("org_id","code","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "self_study_member_doc_idx" ON "self_study_confirmations" USING btree ("member_id","document_id");--> statement-breakpoint
CREATE INDEX "self_study_doc_idx" ON "self_study_confirmations" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "study_attendance_member_idx" ON "study_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "study_requirements_org_idx" ON "study_requirements" USING btree ("org_id","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "study_requirements_doc_org_idx" ON "study_requirements" USING btree ("document_id","org_id");--> statement-breakpoint
CREATE INDEX "study_session_documents_doc_idx" ON "study_session_documents" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "study_sessions_org_idx" ON "study_sessions" USING btree ("org_id","held_on");