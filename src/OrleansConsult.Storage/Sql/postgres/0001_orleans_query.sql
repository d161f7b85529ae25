-- The Orleans AdoNet providers read their SQL from this table at start-up
-- (SELECT QueryKey, QueryText FROM OrleansQuery). Rows are upserted by later
-- scripts so an upgrade can change a query in place.
CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  varchar(64) NOT NULL PRIMARY KEY,
    QueryText text        NOT NULL
);
