-- The console's audit log: append-only, each row's hash over its content and the previous row's
-- hash (a chain the "audit verify" command checks). No personal data. Updates and deletes are
-- refused here too, not only by the application.
CREATE TABLE IF NOT EXISTS oc_audit_log
(
    seq         INTEGER NOT NULL PRIMARY KEY,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    tenant      TEXT    NULL,
    target      TEXT    NULL,
    before_json TEXT    NULL,
    after_json  TEXT    NULL,
    prev_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS oc_audit_log_at ON oc_audit_log (at);

CREATE TRIGGER IF NOT EXISTS oc_audit_log_no_update BEFORE UPDATE ON oc_audit_log
BEGIN
    SELECT RAISE(ABORT, 'oc_audit_log is append-only');
END;
CREATE TRIGGER IF NOT EXISTS oc_audit_log_no_delete BEFORE DELETE ON oc_audit_log
BEGIN
    SELECT RAISE(ABORT, 'oc_audit_log is append-only');
END;
