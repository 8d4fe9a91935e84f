-- Durable message store: the raw bytes of every message exactly as received, every delivery of
-- them (duplicates included) and the findings of processing. Timestamps are UTC text
-- 'yyyy-MM-dd HH:mm:ss.fffffff' as Microsoft.Data.Sqlite writes them; dates are ISO 'yyyy-MM-dd'.
-- BSN and names live only inside content, never in a column of their own.

CREATE TABLE message (
    id             INTEGER PRIMARY KEY,
    sha256         TEXT    NOT NULL,
    size_bytes     INTEGER NOT NULL CHECK (size_bytes >= 0),
    received_at    TEXT    NOT NULL,
    source         TEXT    NOT NULL,
    original_name  TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'received'
                   CHECK (status IN ('received', 'processing', 'processed')),
    claimed_by     TEXT    NULL,
    claimed_at     TEXT    NULL,
    standard       TEXT    NULL,
    message_type   TEXT    NULL,
    bericht_code   INTEGER NULL,
    sender         TEXT    NULL,
    receiver       TEXT    NULL,
    identificatie  TEXT    NULL,
    dagtekening    TEXT    NULL
                   CHECK (dagtekening IS NULL OR dagtekening GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    outcome        TEXT    NULL
                   CHECK (outcome IS NULL OR outcome IN ('accepted', 'rejected', 'unsupported', 'unreadable', 'too-large')),
    outcome_reason TEXT    NULL,
    processed_at   TEXT    NULL,
    CONSTRAINT uq_message_sha256 UNIQUE (sha256),
    CONSTRAINT ck_message_sha256 CHECK (length(sha256) = 64)
);

-- The pending scan: status 'received', or 'processing' with a claim older than the timeout.
CREATE INDEX ix_message_status_claimed_at ON message (status, claimed_at);

-- The raw bytes, written once at intake and never updated. They live apart from message because
-- SQLite rewrites a whole record on every UPDATE: claims and outcomes then rewrite a small row, not
-- the blob. message_id is the rowid, so intake inserts zeroblob(size) (the last and only large
-- column, so never materialised in memory) and streams the bytes in with sqlite3_blob_write.
CREATE TABLE message_content (
    message_id INTEGER PRIMARY KEY REFERENCES message (id),
    content    BLOB    NOT NULL
);

CREATE TABLE message_delivery (
    id            INTEGER PRIMARY KEY,
    message_id    INTEGER NOT NULL REFERENCES message (id),
    source        TEXT    NOT NULL,
    original_name TEXT    NOT NULL,
    received_at   TEXT    NOT NULL,
    is_duplicate  INTEGER NOT NULL CHECK (is_duplicate IN (0, 1))
);

CREATE INDEX ix_message_delivery_message_id ON message_delivery (message_id);

CREATE TABLE message_finding (
    message_id INTEGER NOT NULL REFERENCES message (id),
    seq        INTEGER NOT NULL,
    level      INTEGER NOT NULL,
    rule_code  TEXT    NULL,
    retourcode TEXT    NULL,
    path       TEXT    NULL,
    line       INTEGER NULL,
    col        INTEGER NULL,
    text       TEXT    NOT NULL,
    PRIMARY KEY (message_id, seq)
);
