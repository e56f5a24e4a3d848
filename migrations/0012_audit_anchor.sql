ALTER TABLE "audit_log" ADD COLUMN "mac" text;--> statement-breakpoint
-- TRUNCATE bypasses row triggers: refuse it with a statement trigger, so emptying the trail needs a superuser.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
