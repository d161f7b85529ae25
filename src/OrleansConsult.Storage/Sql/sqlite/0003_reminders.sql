-- Reminders of the embedded default, kept in the same SQLite file so they survive a restart.
-- Orleans 10.4's AdoNet reminder provider does not accept the SQLite invariant, so
-- SqliteReminderTable (our IReminderTable) reads and writes this table directly.
CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    TEXT    NOT NULL,
    GrainId      TEXT    NOT NULL,
    ReminderName TEXT    NOT NULL,
    StartTime    TEXT    NOT NULL,
    Period       INTEGER NOT NULL,
    GrainHash    INTEGER NOT NULL,
    Version      INTEGER NOT NULL,
    PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

CREATE INDEX IF NOT EXISTS ix_reminders_grainhash ON OrleansRemindersTable (ServiceId, GrainHash);
