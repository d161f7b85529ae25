-- One-time staff invitations (see the PostgreSQL script for the why): only a keyed hash of the
-- code, single use, expiry and revocation. Times are UTC ISO-8601 text with a fixed 7-digit
-- fraction, so they compare as time.
CREATE TABLE IF NOT EXISTS oc_staff_invitation
(
    id         TEXT NOT NULL PRIMARY KEY,
    owner_id   TEXT NOT NULL,
    staff_id   TEXT NOT NULL,
    code_hash  TEXT NOT NULL UNIQUE,
    key_id     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at    TEXT NULL,
    used_by    TEXT NULL,
    revoked_at TEXT NULL
);

CREATE INDEX IF NOT EXISTS ix_staff_invitation_owner ON oc_staff_invitation (owner_id, created_at);
CREATE INDEX IF NOT EXISTS ix_staff_invitation_staff ON oc_staff_invitation (owner_id, staff_id);
