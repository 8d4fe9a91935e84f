-- Intake that stays true under crashes and concurrent runs (issue 5).
--
-- Leases: a claim now says until when it holds. The owner renews it while it works; a claim whose
-- lease ran out (or whose owner is known to be gone) is taken over. claimed_at stays the claim time.
ALTER TABLE message ADD COLUMN lease_until TEXT NULL;

CREATE INDEX ix_message_status_lease_until ON message (status, lease_until);

-- The identity of the delivered file (device, inode, size, modification time), so that seeing the
-- same file again (a rescan of a read-only inbox, a file a crash left behind) is the same delivery,
-- not a new duplicate one. NULL for channels without files.
ALTER TABLE message_delivery ADD COLUMN file_key TEXT NULL;

CREATE INDEX ix_message_delivery_file ON message_delivery (source, original_name, file_key);

-- Inbox files that could not be read (permissions, I/O errors): counted per file so that after the
-- configured number of attempts the file is set aside and shown to staff instead of retried for ever.
CREATE TABLE inbox_attempt (
    source        TEXT    NOT NULL,
    original_name TEXT    NOT NULL,
    file_key      TEXT    NOT NULL,
    attempts      INTEGER NOT NULL CHECK (attempts >= 1),
    first_at      TEXT    NOT NULL,
    last_at       TEXT    NOT NULL,
    last_error    TEXT    NOT NULL,
    PRIMARY KEY (source, original_name, file_key)
);

-- What needs a person: refused inbox entries, files that could not be read, level-1 rejections the
-- sender must be told of outside the message flow (OP090x2). task_key makes recording idempotent:
-- a crash and a rerun record the same task once.
CREATE TABLE staff_task (
    id          INTEGER PRIMARY KEY,
    task_key    TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    message_id  INTEGER NULL REFERENCES message (id),
    subject     TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    due_on      TEXT    NULL
                CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    closed_at   TEXT    NULL,
    CONSTRAINT uq_staff_task_key UNIQUE (task_key)
);

CREATE INDEX ix_staff_task_open ON staff_task (closed_at, due_on);
