-- The audit trail (issue 9): one append-only row per state change and per human action, saying who
-- (actor: 'system' for the service, else the person), from where (origin: the command and the
-- host/process), what (action, subject, detail), why (the person's reason, empty for the service)
-- and, for a verdict, the rule set and schema set that produced it. Written in the transaction of
-- the change it records, so a change without its audit row (or the reverse) cannot exist.
-- Free text never holds a BSN or a name: subjects and details name ids, codes and counts; the rows
-- they point to hold the data.
CREATE TABLE audit_event (
    id          INTEGER PRIMARY KEY,
    occurred_at TEXT    NOT NULL,
    actor       TEXT    NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
    origin      TEXT    NOT NULL CHECK (length(origin) BETWEEN 1 AND 200),
    action      TEXT    NOT NULL CHECK (action IN ('received', 'delivered-again', 'verdict', 'task-opened', 'task-closed', 'answer-written',
                                                   'reference-imported', 'reference-import-unchanged', 'reference-import-rejected',
                                                   'request-answered', 'raw-exported', 'migrated')),
    message_id  INTEGER NULL REFERENCES message (id),
    subject     TEXT    NOT NULL CHECK (length(subject) <= 400),
    detail      TEXT    NOT NULL,
    why         TEXT    NOT NULL CHECK (length(why) <= 1000),
    rule_set    TEXT    NULL CHECK (rule_set IS NULL OR length(rule_set) BETWEEN 1 AND 200),
    schema_set  TEXT    NULL CHECK (schema_set IS NULL OR length(schema_set) BETWEEN 1 AND 100)
);

-- One message's story (backoffice audit MESSAGE-ID) in the order it happened.
CREATE INDEX ix_audit_event_message ON audit_event (message_id, id) WHERE message_id IS NOT NULL;

CREATE TRIGGER tr_audit_event_append_only_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER tr_audit_event_append_only_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;

-- The delivered bytes and every delivery of them are evidence too: written once at intake, never
-- changed. (Intake writes the bytes through incremental blob I/O into the row it has just
-- inserted, which is no UPDATE statement and fires no trigger.)
CREATE TRIGGER tr_message_content_append_only_update BEFORE UPDATE ON message_content
BEGIN SELECT RAISE(ABORT, 'message_content is append-only'); END;
CREATE TRIGGER tr_message_content_append_only_delete BEFORE DELETE ON message_content
BEGIN SELECT RAISE(ABORT, 'message_content is append-only'); END;
CREATE TRIGGER tr_message_delivery_append_only_update BEFORE UPDATE ON message_delivery
BEGIN SELECT RAISE(ABORT, 'message_delivery is append-only'); END;
CREATE TRIGGER tr_message_delivery_append_only_delete BEFORE DELETE ON message_delivery
BEGIN SELECT RAISE(ABORT, 'message_delivery is append-only'); END;
