-- TR056's look-up before every register-checked message (an earlier accepted message of the same
-- type, sender and Identificatie) had only the status index, so it read every processed message:
-- its cost grew with the store, one full pass per message (found by the region benchmark, issue 7).
CREATE INDEX ix_message_identification ON message (sender, message_type, identificatie);
