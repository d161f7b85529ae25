-- Operator console accounts (ASP.NET Core Identity, mapped by OrleansConsult.OperatorConsole's
-- ConsoleDbContext; column names are EF's), their one-time setup links (hashes only), and the
-- Data Protection key ring.
CREATE TABLE IF NOT EXISTS oc_console_users
(
    Id                   TEXT    NOT NULL PRIMARY KEY,
    UserName             TEXT    NULL,
    NormalizedUserName   TEXT    NULL,
    Email                TEXT    NULL,
    NormalizedEmail      TEXT    NULL,
    EmailConfirmed       INTEGER NOT NULL,
    PasswordHash         TEXT    NULL,
    SecurityStamp        TEXT    NULL,
    ConcurrencyStamp     TEXT    NULL,
    PhoneNumber          TEXT    NULL,
    PhoneNumberConfirmed INTEGER NOT NULL,
    TwoFactorEnabled     INTEGER NOT NULL,
    LockoutEnd           TEXT    NULL,
    LockoutEnabled       INTEGER NOT NULL,
    AccessFailedCount    INTEGER NOT NULL,
    Role                 TEXT    NOT NULL,
    Scope                TEXT    NOT NULL,
    DisplayName          TEXT    NOT NULL,
    Active               INTEGER NOT NULL,
    CreatedAt            TEXT    NOT NULL,
    CreatedBy            TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS oc_console_users_name ON oc_console_users (NormalizedUserName);
CREATE INDEX IF NOT EXISTS oc_console_users_email ON oc_console_users (NormalizedEmail);

CREATE TABLE IF NOT EXISTS oc_console_user_claims
(
    Id         INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    UserId     TEXT    NOT NULL REFERENCES oc_console_users (Id) ON DELETE CASCADE,
    ClaimType  TEXT    NULL,
    ClaimValue TEXT    NULL
);

CREATE TABLE IF NOT EXISTS oc_console_user_logins
(
    LoginProvider       TEXT NOT NULL,
    ProviderKey         TEXT NOT NULL,
    ProviderDisplayName TEXT NULL,
    UserId              TEXT NOT NULL REFERENCES oc_console_users (Id) ON DELETE CASCADE,
    PRIMARY KEY (LoginProvider, ProviderKey)
);

CREATE TABLE IF NOT EXISTS oc_console_user_tokens
(
    UserId        TEXT NOT NULL REFERENCES oc_console_users (Id) ON DELETE CASCADE,
    LoginProvider TEXT NOT NULL,
    Name          TEXT NOT NULL,
    Value         TEXT NULL,
    PRIMARY KEY (UserId, LoginProvider, Name)
);

CREATE TABLE IF NOT EXISTS oc_console_setup_tokens
(
    Hash      TEXT NOT NULL PRIMARY KEY,
    UserId    TEXT NOT NULL REFERENCES oc_console_users (Id) ON DELETE CASCADE,
    ExpiresAt TEXT NOT NULL,
    UsedAt    TEXT NULL
);

CREATE TABLE IF NOT EXISTS oc_console_dp_keys
(
    Id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    FriendlyName TEXT    NULL,
    Xml          TEXT    NULL
);
