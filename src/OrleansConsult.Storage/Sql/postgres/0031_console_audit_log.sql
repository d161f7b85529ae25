-- The console's audit log: append-only, each row's hash over its content and the previous row's
-- hash (a chain the "audit verify" command checks). No personal data: actor is a console account,
-- target and before/after are ids, tags and settings only. Updates and deletes are refused here
-- too, not only by the application.
CREATE TABLE IF NOT EXISTS oc_audit_log
(
    seq         bigint       NOT NULL PRIMARY KEY,
    at          timestamptz  NOT NULL,
    actor       varchar(256) NOT NULL,
    action      varchar(100) NOT NULL,
    tenant      varchar(100) NULL,
    target      varchar(400) NULL,
    before_json text         NULL,
    after_json  text         NULL,
    prev_hash   varchar(64)  NOT NULL,
    hash        varchar(64)  NOT NULL
);
CREATE INDEX IF NOT EXISTS oc_audit_log_at ON oc_audit_log (at);

CREATE OR REPLACE FUNCTION oc_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'oc_audit_log is append-only';
END;
$$;
DROP TRIGGER IF EXISTS oc_audit_log_no_change ON oc_audit_log;
CREATE TRIGGER oc_audit_log_no_change BEFORE UPDATE OR DELETE ON oc_audit_log
    FOR EACH ROW EXECUTE FUNCTION oc_audit_log_append_only();
