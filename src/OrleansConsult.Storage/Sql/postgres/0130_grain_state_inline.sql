-- Grain-state rows up to a page stay in the table instead of going to TOAST. A busy counselor's state
-- (the dedup window, the replied keys: about 6.5 KB sealed) is rewritten at every event she sends; past
-- the default 2 KB threshold each write also deleted and inserted four TOAST chunks and their index
-- entries (issue 14: 78,000 TOAST rows inserted and deleted in one closed-loop run of 12,000 events).
-- The payload is sealed (AES-GCM), so compressing it only costs CPU: EXTERNAL skips the attempt.
ALTER TABLE oc_grain_state SET (toast_tuple_target = 8160);
ALTER TABLE oc_grain_state ALTER COLUMN payload SET STORAGE EXTERNAL;
