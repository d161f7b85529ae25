-- One-time invitations for staff to enroll their LINE on the staff account. The code is never
-- stored: code_hash is HMAC-SHA256 of the normalized code under a key derived from the key ring
-- (key_id names which), so a copy of this table enrolls nobody. A code is used once (used_at,
-- set atomically with the check), expires (expires_at) and can be revoked (revoked_at). used_by
-- is a keyed hash of the staff LINE user who used it, never the LINE id, so a retried event of
-- the same user is recognised. id is the public handle operators list and revoke by.
CREATE TABLE IF NOT EXISTS oc_staff_invitation
(
    id         varchar(32)  NOT NULL PRIMARY KEY,
    owner_id   varchar(100) NOT NULL,
    staff_id   varchar(100) NOT NULL,
    code_hash  varchar(64)  NOT NULL UNIQUE,
    key_id     varchar(64)  NOT NULL,
    created_at timestamptz  NOT NULL,
    expires_at timestamptz  NOT NULL,
    used_at    timestamptz  NULL,
    used_by    varchar(64)  NULL,
    revoked_at timestamptz  NULL
);

CREATE INDEX IF NOT EXISTS ix_staff_invitation_owner ON oc_staff_invitation (owner_id, created_at);
CREATE INDEX IF NOT EXISTS ix_staff_invitation_staff ON oc_staff_invitation (owner_id, staff_id);
