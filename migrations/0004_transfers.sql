CREATE TABLE "transfer_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfer_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"transfer_id" integer NOT NULL,
	"step" text NOT NULL,
	"occurred_on" date NOT NULL,
	"actor_id" integer,
	"actor_name" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"direction" text NOT NULL,
	"state" text NOT NULL,
	"member_id" integer,
	"person" jsonb,
	"sending_org_id" integer,
	"receiving_org_id" integer,
	"external_org_name" text,
	"moving_decision" jsonb,
	"purpose" text,
	"temporary_from" date,
	"temporary_until" date,
	"letter_due_on" date,
	"letter_number" text,
	"letter_on" date,
	"letter_late_reason" text,
	"card_number" text,
	"profile_number" text,
	"cell_list_number" text,
	"transfer_register_number" text,
	"dues_paid_through" text,
	"place" text,
	"signer" jsonb,
	"present_due_on" date,
	"presented_on" date,
	"late_reason" text,
	"returned_on" date,
	"cancel_reason" text,
	"note" text,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "transfer_steps_transfer_idx" ON "transfer_steps" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "transfers_member_idx" ON "transfers" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "transfers_sending_idx" ON "transfers" USING btree ("sending_org_id","state");--> statement-breakpoint
CREATE INDEX "transfers_receiving_idx" ON "transfers" USING btree ("receiving_org_id","state");--> statement-breakpoint
CREATE INDEX "transfers_state_idx" ON "transfers" USING btree ("state");