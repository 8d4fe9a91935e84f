-- Level 2 and the answer path (issue 6).
--
-- checked_level: the highest check level the verdict covers (1 = file rules and XSD, 2 = the
-- in-message rules). An 'accepted' message with checked_level 2 passed level 2 and waits for the
-- cross-message checks; it has had no answer yet.
ALTER TABLE message ADD COLUMN checked_level INTEGER NULL CHECK (checked_level IS NULL OR checked_level BETWEEN 1 AND 4);

-- The GGk transport error (Fo01 code: IB001, IB003, IB004) that tells the sender of a message no
-- retour can be built for (OP090x2); the GGk transport sends it, staff see it until then.
ALTER TABLE message ADD COLUMN transport_error TEXT NULL;

-- Exactly one answer per message, ever: the row is written in the same transaction as the
-- verdict, and the outbox file is written from it (file_name is fixed, so a rewrite after a crash
-- produces the same file, not a second one).
CREATE TABLE message_answer (
    message_id     INTEGER PRIMARY KEY REFERENCES message (id),
    answer_type    TEXT    NOT NULL,
    identificatie  TEXT    NOT NULL,
    dagtekening    TEXT    NOT NULL
                   CHECK (dagtekening GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    retourcode     TEXT    NOT NULL,
    file_name      TEXT    NOT NULL,
    sha256         TEXT    NOT NULL CHECK (length(sha256) = 64),
    content        BLOB    NOT NULL,
    created_at     TEXT    NOT NULL,
    written_at     TEXT    NULL,
    CONSTRAINT uq_message_answer_file UNIQUE (file_name),
    CONSTRAINT uq_message_answer_identificatie UNIQUE (answer_type, identificatie)
);

CREATE INDEX ix_message_answer_unwritten ON message_answer (written_at);
