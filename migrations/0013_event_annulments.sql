CREATE TABLE "membership_event_annulments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "membership_event_annulments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"event_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"annulled_on" date NOT NULL,
	"reason" text NOT NULL,
	"decision" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" integer
);
--> statement-breakpoint
ALTER TABLE "membership_periods" ADD COLUMN "annulment_id" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_event_annulments_event_key" ON "membership_event_annulments" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "membership_event_annulments_member_idx" ON "membership_event_annulments" USING btree ("member_id");--> statement-breakpoint
-- An annulment is history: the database itself refuses to change or remove one.
CREATE OR REPLACE FUNCTION membership_event_annulments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'membership_event_annulments is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER membership_event_annulments_no_update BEFORE UPDATE OR DELETE ON membership_event_annulments FOR EACH ROW EXECUTE FUNCTION membership_event_annulments_append_only();
