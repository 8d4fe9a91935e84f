-- The allocation register and the care lifecycle (issue 7). Everything here is written in the
-- transaction that records the verdict of the message that caused it, and only for a message that
-- passed every check: a rejected message changes nothing.

-- When the answer to a message is due from us (OP090: 3 working days for a retour; OP090x4: 10
-- for a 325; the request deadlines are on the request itself).
ALTER TABLE message ADD COLUMN answer_due_on TEXT NULL
    CHECK (answer_due_on IS NULL OR answer_due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

-- A forwarded message of our own (a checked 301 or 319 leaving towards the provider) is kept as
-- its "answer" row like a retour, so it is written to the outbox exactly once; it carries no
-- retourcode. SQLite cannot drop a NOT NULL, so the table is rebuilt with the same rows.
CREATE TABLE message_answer_rebuilt (
    message_id     INTEGER PRIMARY KEY REFERENCES message (id),
    answer_type    TEXT    NOT NULL,
    identificatie  TEXT    NOT NULL,
    dagtekening    TEXT    NOT NULL
                   CHECK (dagtekening GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    retourcode     TEXT    NULL,
    file_name      TEXT    NOT NULL,
    sha256         TEXT    NOT NULL CHECK (length(sha256) = 64),
    content        BLOB    NOT NULL,
    created_at     TEXT    NOT NULL,
    written_at     TEXT    NULL,
    CONSTRAINT uq_message_answer_file UNIQUE (file_name),
    CONSTRAINT uq_message_answer_identificatie UNIQUE (answer_type, identificatie)
);
INSERT INTO message_answer_rebuilt SELECT message_id, answer_type, identificatie, dagtekening, retourcode, file_name, sha256, content, created_at, written_at FROM message_answer;
DROP TABLE message_answer;
ALTER TABLE message_answer_rebuilt RENAME TO message_answer;
CREATE INDEX ix_message_answer_unwritten ON message_answer (written_at);

-- Every version of every allocation (ToegewezenProduct of an accepted 301), never overwritten.
-- The current version of a number is the one with the latest toewijzingsdatum + toewijzingstijd
-- (IV013), whatever the order of arrival (OP080); an identical resend adds no row. The indication
-- the version rests on is matched when it is recorded and stored with it.
CREATE TABLE allocation_version (
    id                   INTEGER PRIMARY KEY,
    message_id           INTEGER NOT NULL REFERENCES message (id),
    municipality         TEXT    NOT NULL CHECK (length(municipality) = 4),
    provider             TEXT    NOT NULL CHECK (length(provider) = 8),
    bsn                  TEXT    NOT NULL CHECK (length(bsn) = 9),
    toewijzing_nummer    INTEGER NOT NULL,
    referentie_aanbieder TEXT    NULL,
    product_categorie    TEXT    NULL,
    product_code         TEXT    NULL,
    toewijzingsdatum     TEXT    NOT NULL,
    toewijzingstijd      TEXT    NOT NULL,
    ingangsdatum         TEXT    NOT NULL,
    einddatum            TEXT    NULL,
    reden_wijziging      TEXT    NULL,
    volume               INTEGER NULL,
    eenheid              TEXT    NULL,
    frequentie           TEXT    NULL,
    budget               INTEGER NULL,
    commentaar           TEXT    NULL,
    backing              TEXT    NOT NULL CHECK (backing IN ('backed', 'outside-period', 'unbacked')),
    indication_number    TEXT    NULL,
    indication_version   INTEGER NULL,
    recorded_at          TEXT    NOT NULL,
    -- One row per version (IV013: number and moment) and ReferentieAanbieder (36, LDT_Referentie):
    -- a version resent with the reference of the request it answers (IV093) is kept beside the
    -- first, so TR379 can tell which reference was sent with it; an identical resend adds nothing.
    CONSTRAINT uq_allocation_version UNIQUE (municipality, toewijzing_nummer, toewijzingsdatum, toewijzingstijd, referentie_aanbieder)
);

CREATE INDEX ix_allocation_version_client ON allocation_version (municipality, provider, bsn);

-- Every StartProduct (305) and StopProduct (307) line of an accepted message, exactly as sent:
-- status 1 adds, status 3 deletes under the line's logical key (IV008). The current starts and
-- stops are folded from these lines in order of id.
CREATE TABLE care_line (
    id                      INTEGER PRIMARY KEY,
    message_id              INTEGER NOT NULL REFERENCES message (id),
    kind                    TEXT    NOT NULL CHECK (kind IN ('start', 'stop')),
    municipality            TEXT    NOT NULL,
    provider                TEXT    NOT NULL,
    bsn                     TEXT    NOT NULL CHECK (length(bsn) = 9),
    toewijzing_nummer       INTEGER NULL,
    product_categorie       TEXT    NULL,
    product_code            TEXT    NULL,
    toewijzing_ingangsdatum TEXT    NULL,
    begindatum              TEXT    NOT NULL,
    einddatum               TEXT    NULL,
    reden_beeindiging       TEXT    NULL,
    status_aanlevering      TEXT    NOT NULL CHECK (status_aanlevering IN ('1', '3')),
    recorded_at             TEXT    NOT NULL
);

CREATE INDEX ix_care_line_client ON care_line (provider, bsn, id);

-- Every request of a provider: a VOT line (one AangevraagdProduct of a 315) or a VOW (317), by
-- its ReferentieAanbieder (unique per provider, TR347). Open until a 301 carrying the reference
-- (allocated) or a 319 "afgewezen" (rejected) closes it (TR374); a 319 "in onderzoek" keeps it
-- open with the 8-week term. due_on: the 5 working days of OP274/OP346.
CREATE TABLE request (
    id                    INTEGER PRIMARY KEY,
    message_id            INTEGER NOT NULL REFERENCES message (id),
    kind                  TEXT    NOT NULL CHECK (kind IN ('vot', 'vow')),
    municipality          TEXT    NOT NULL,
    provider              TEXT    NOT NULL,
    bsn                   TEXT    NOT NULL CHECK (length(bsn) = 9),
    referentie_aanbieder  TEXT    NOT NULL,
    request_date          TEXT    NOT NULL,
    received_on           TEXT    NOT NULL,
    due_on                TEXT    NOT NULL,
    state                 TEXT    NOT NULL CHECK (state IN ('open', 'in-onderzoek', 'allocated', 'rejected')),
    in_onderzoek_on       TEXT    NULL,
    final_due_on          TEXT    NULL,
    closed_by_message_id  INTEGER NULL REFERENCES message (id),
    CONSTRAINT uq_request_reference UNIQUE (provider, referentie_aanbieder)
);

CREATE INDEX ix_request_client ON request (provider, bsn);

-- A retour the provider sent on one of our messages (302 on a 301, 320 on a 319), tied to the
-- message it answers when we find it, and each class the provider rejected with its codes.
CREATE TABLE provider_retour (
    message_id            INTEGER PRIMARY KEY REFERENCES message (id),
    answers_type          TEXT    NOT NULL,
    answers_message_id    INTEGER NULL REFERENCES message (id),
    answers_identificatie TEXT    NOT NULL,
    answers_dagtekening   TEXT    NOT NULL,
    rejected              INTEGER NOT NULL CHECK (rejected IN (0, 1)),
    recorded_at           TEXT    NOT NULL
);

CREATE TABLE provider_rejection (
    message_id  INTEGER NOT NULL REFERENCES provider_retour (message_id),
    seq         INTEGER NOT NULL,
    path        TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    retourcodes TEXT    NOT NULL,
    PRIMARY KEY (message_id, seq)
);
