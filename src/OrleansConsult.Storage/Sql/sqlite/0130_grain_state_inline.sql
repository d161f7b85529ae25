-- PostgreSQL only (TOAST settings of oc_grain_state); SQLite keeps rows in its own pages. Kept so both
-- databases carry the same numbered scripts.
SELECT 1;
