-- Declarations (WMO323 -> WMO325), their verdicts per prestatie and the payment ledger (the
-- declarations issue). Written in the transaction of the 323's verdict. Nothing here is updated or
-- deleted: a correction is a credit, a new row linked to the debit it undoes; the triggers at the
-- end refuse any UPDATE or DELETE, so an auditor can trust that what was paid stays as it was.

-- One 323 checked at levels 3 and 4, with the sums of its 325 and the rule and schema sets its
-- verdict was made with. rejected_whole: a declaration-level code (TR333 -> 9333) rejected every line.
CREATE TABLE declaration (
    message_id        INTEGER PRIMARY KEY REFERENCES message (id),
    provider          TEXT    NOT NULL CHECK (length(provider) = 8),
    municipality      TEXT    NOT NULL CHECK (length(municipality) = 4),
    declaratie_nummer TEXT    NOT NULL CHECK (length(declaratie_nummer) BETWEEN 1 AND 12),
    periode_begin     TEXT    NOT NULL CHECK (periode_begin GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01'),
    periode_eind      TEXT    NOT NULL CHECK (periode_eind >= periode_begin),
    dagtekening       TEXT    NOT NULL,
    ingediend_cents   INTEGER NOT NULL,
    toegekend_cents   INTEGER NOT NULL,
    rejected_whole    INTEGER NOT NULL CHECK (rejected_whole IN (0, 1)),
    retourcodes       TEXT    NOT NULL,
    rule_set          TEXT    NOT NULL CHECK (length(rule_set) BETWEEN 1 AND 200),
    schema_set        TEXT    NOT NULL CHECK (length(schema_set) BETWEEN 1 AND 100),
    recorded_at       TEXT    NOT NULL
);

-- TR333: the provider's earlier declaration numbers; TR318: its earlier periods per municipality.
CREATE INDEX ix_declaration_nummer ON declaration (provider, declaratie_nummer);
CREATE INDEX ix_declaration_period ON declaration (provider, municipality, periode_begin);

-- Every prestatie of a checked 323 as sent, with its verdict and what it was matched to: the
-- allocation version, the indication behind it and the contract line (key and version) whose
-- tariff applied. credits_prestatie_id links an approved credit to the debit it undoes.
CREATE TABLE prestatie_verdict (
    id                      INTEGER PRIMARY KEY,
    message_id              INTEGER NOT NULL REFERENCES declaration (message_id),
    ordinal                 INTEGER NOT NULL CHECK (ordinal >= 0),
    municipality            TEXT    NOT NULL CHECK (length(municipality) = 4),
    provider                TEXT    NOT NULL CHECK (length(provider) = 8),
    bsn                     TEXT    NOT NULL CHECK (length(bsn) = 9),
    referentie_nummer       TEXT    NOT NULL CHECK (length(referentie_nummer) BETWEEN 1 AND 36),
    vorig_referentie_nummer TEXT    NULL,
    toewijzing_nummer       INTEGER NOT NULL,
    product_categorie       TEXT    NOT NULL CHECK (length(product_categorie) = 2),
    product_code            TEXT    NOT NULL CHECK (length(product_code) BETWEEN 1 AND 5),
    periode_begin           TEXT    NOT NULL,
    periode_eind            TEXT    NOT NULL CHECK (periode_eind >= periode_begin),
    geleverd_volume         INTEGER NOT NULL,
    eenheid                 TEXT    NOT NULL CHECK (length(eenheid) = 2),
    product_tarief          INTEGER NULL,
    bedrag_cents            INTEGER NOT NULL CHECK (bedrag_cents >= 0),
    debet_credit            TEXT    NOT NULL CHECK (debet_credit IN ('D', 'C')),
    approved                INTEGER NOT NULL CHECK (approved IN (0, 1)),
    retourcodes             TEXT    NOT NULL,
    allocation_version_id   INTEGER NULL REFERENCES allocation_version (id),
    indication_number       TEXT    NULL,
    indication_version      INTEGER NULL,
    contract_begindatum     TEXT    NULL,
    contract_version        INTEGER NULL,
    tariff_cents            INTEGER NULL,
    credits_prestatie_id    INTEGER NULL REFERENCES prestatie_verdict (id),
    recorded_at             TEXT    NOT NULL,
    CONSTRAINT uq_prestatie_verdict UNIQUE (message_id, ordinal),
    CONSTRAINT ck_prestatie_verdict_approved CHECK (approved = 0 OR retourcodes = '8001')
);

-- TR314 (a reference once per provider), TR323/TR390 (the debit a credit names).
CREATE INDEX ix_prestatie_verdict_referentie ON prestatie_verdict (provider, referentie_nummer);
-- TR322/TR369/TR389: the earlier lines on an allocation.
CREATE INDEX ix_prestatie_verdict_allocation ON prestatie_verdict (municipality, provider, toewijzing_nummer);
-- TR390 held by the database too: a debit is undone by at most one approved credit.
CREATE UNIQUE INDEX ux_prestatie_verdict_credit ON prestatie_verdict (credits_prestatie_id) WHERE credits_prestatie_id IS NOT NULL AND approved = 1;

-- The approved money, append-only: one row per approved prestatie, a debit positive, a credit
-- negative, per municipality, provider, product and the month delivered (the ProductPeriode's),
-- in the payment batch of the declaration's period.
CREATE TABLE payment_ledger (
    id                INTEGER PRIMARY KEY,
    message_id        INTEGER NOT NULL REFERENCES declaration (message_id),
    prestatie_id      INTEGER NOT NULL UNIQUE REFERENCES prestatie_verdict (id),
    municipality      TEXT    NOT NULL CHECK (length(municipality) = 4),
    provider          TEXT    NOT NULL CHECK (length(provider) = 8),
    product_categorie TEXT    NOT NULL,
    product_code      TEXT    NOT NULL,
    delivery_month    TEXT    NOT NULL CHECK (delivery_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    batch_month       TEXT    NOT NULL CHECK (batch_month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    amount_cents      INTEGER NOT NULL,
    recorded_at       TEXT    NOT NULL
);

CREATE INDEX ix_payment_ledger_batch ON payment_ledger (batch_month, municipality, provider);

CREATE TRIGGER tr_declaration_append_only_update BEFORE UPDATE ON declaration
BEGIN SELECT RAISE(ABORT, 'declaration is append-only'); END;
CREATE TRIGGER tr_declaration_append_only_delete BEFORE DELETE ON declaration
BEGIN SELECT RAISE(ABORT, 'declaration is append-only'); END;
CREATE TRIGGER tr_prestatie_verdict_append_only_update BEFORE UPDATE ON prestatie_verdict
BEGIN SELECT RAISE(ABORT, 'prestatie_verdict is append-only'); END;
CREATE TRIGGER tr_prestatie_verdict_append_only_delete BEFORE DELETE ON prestatie_verdict
BEGIN SELECT RAISE(ABORT, 'prestatie_verdict is append-only'); END;
CREATE TRIGGER tr_payment_ledger_append_only_update BEFORE UPDATE ON payment_ledger
BEGIN SELECT RAISE(ABORT, 'payment_ledger is append-only'); END;
CREATE TRIGGER tr_payment_ledger_append_only_delete BEFORE DELETE ON payment_ledger
BEGIN SELECT RAISE(ABORT, 'payment_ledger is append-only'); END;
