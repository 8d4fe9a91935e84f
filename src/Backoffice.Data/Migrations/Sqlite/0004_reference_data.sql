-- Reference data and indications (issue 7): what `backoffice import` loads from the front office's
-- and the region's CSV files, and what the level-4 checks and the allocation register read.
--
-- Every kind is versioned the same way: a row is never updated in place except to clear its
-- is_current flag. A changed row in a file adds version n+1 and marks version n not current; an
-- unchanged row adds nothing; a key that a file leaves out keeps its current version. So every
-- version an allocation or a payment was checked against stays readable, with the import that
-- brought it.

-- One row per import that added at least one version (an import that changes nothing writes
-- nothing, not even this row). file_sha256 names the exact file; row_count is its data rows,
-- versions_added how many of them were new or changed.
CREATE TABLE reference_import (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('municipalities', 'providers', 'indications')),
    file_sha256    TEXT    NOT NULL CHECK (length(file_sha256) = 64),
    row_count      INTEGER NOT NULL CHECK (row_count >= 1),
    versions_added INTEGER NOT NULL CHECK (versions_added BETWEEN 1 AND row_count),
    imported_at    TEXT    NOT NULL
);

-- The municipalities this backoffice serves (a regional backoffice serves several), by CBS code
-- (LDT_Gemeente, 4 digits), with the name staff see.
CREATE TABLE municipality_version (
    id          INTEGER PRIMARY KEY,
    cbs_code    TEXT    NOT NULL CHECK (cbs_code GLOB '[0-9][0-9][0-9][0-9]'),
    version     INTEGER NOT NULL CHECK (version >= 1),
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    import_id   INTEGER NOT NULL REFERENCES reference_import (id),
    recorded_at TEXT    NOT NULL,
    is_current  INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    CONSTRAINT uq_municipality_version UNIQUE (cbs_code, version)
);

-- At most one current version per key: a partial unique index (SQL Server: a filtered one).
CREATE UNIQUE INDEX ux_municipality_version_current ON municipality_version (cbs_code) WHERE is_current = 1;

-- The providers (zorgaanbieders) the backoffice knows, by AGB code (LDT_AgbCode, 8 digits).
CREATE TABLE provider_version (
    id          INTEGER PRIMARY KEY,
    agb_code    TEXT    NOT NULL CHECK (agb_code GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    version     INTEGER NOT NULL CHECK (version >= 1),
    name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
    import_id   INTEGER NOT NULL REFERENCES reference_import (id),
    recorded_at TEXT    NOT NULL,
    is_current  INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    CONSTRAINT uq_provider_version UNIQUE (agb_code, version)
);

CREATE UNIQUE INDEX ux_provider_version_current ON provider_version (agb_code) WHERE is_current = 1;

-- The indications (beschikkingen) of the front office: the decision an allocation rests on. The
-- number is the BeschikkingNummer (LDT_Nummer, at most 9 digits) and keys the indication across the
-- region; the importer keeps an indication to one municipality and one client. The product is a
-- category (WMO020) with an optional code (LDT_ProductCode, 1 to 5 characters), or an arrangement
-- code of the regional catalogue instead, never both. Einddatum NULL is open-ended.
--
-- This is the first table with a BSN in a column of its own (the register must find a client's
-- indications): it is checked to 9 digits here and to the 11-proef by the importer, and the store
-- never logs it or puts it in a message.
CREATE TABLE indication_version (
    id                INTEGER PRIMARY KEY,
    indication_number TEXT    NOT NULL
                      CHECK (length(indication_number) BETWEEN 1 AND 9 AND indication_number NOT GLOB '*[^0-9]*'),
    version           INTEGER NOT NULL CHECK (version >= 1),
    municipality      TEXT    NOT NULL CHECK (municipality GLOB '[0-9][0-9][0-9][0-9]'),
    bsn               TEXT    NOT NULL CHECK (bsn GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    product_categorie TEXT    NULL CHECK (product_categorie IS NULL OR product_categorie GLOB '[0-9][0-9]'),
    product_code      TEXT    NULL CHECK (product_code IS NULL OR length(product_code) BETWEEN 1 AND 5),
    arrangement_code  TEXT    NULL CHECK (arrangement_code IS NULL OR length(arrangement_code) BETWEEN 1 AND 20),
    begindatum        TEXT    NOT NULL CHECK (begindatum GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    einddatum         TEXT    NULL
                      CHECK (einddatum IS NULL OR (einddatum GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND einddatum >= begindatum)),
    decision_date     TEXT    NOT NULL CHECK (decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    status            TEXT    NOT NULL CHECK (status IN ('active', 'withdrawn', 'superseded')),
    import_id         INTEGER NOT NULL REFERENCES reference_import (id),
    recorded_at       TEXT    NOT NULL,
    is_current        INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    CONSTRAINT uq_indication_version UNIQUE (indication_number, version),
    CONSTRAINT ck_indication_version_product CHECK (
        (product_categorie IS NOT NULL AND arrangement_code IS NULL)
        OR (product_categorie IS NULL AND product_code IS NULL AND arrangement_code IS NOT NULL))
);

CREATE UNIQUE INDEX ux_indication_version_current ON indication_version (indication_number) WHERE is_current = 1;

-- A client's current indications in one municipality (the register's and level 4's question).
CREATE INDEX ix_indication_version_client ON indication_version (municipality, bsn) WHERE is_current = 1;
