-- Accent- and case-insensitive, typo-tolerant name search: trigrams over the folded name.
CREATE INDEX IF NOT EXISTS members_name_trgm_idx ON members USING gin (vn_fold(full_name) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS orgs_name_trgm_idx ON orgs USING gin (vn_fold(name) gin_trgm_ops);
--> statement-breakpoint
-- The audit trail is append-only: the database itself refuses to change or remove a row.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS membership_periods_span_idx ON membership_periods (valid_from, valid_to);
