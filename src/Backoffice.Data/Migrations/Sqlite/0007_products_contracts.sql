-- The regional product catalogue and the providers' contracts (the declarations issue): what
-- `backoffice import products` and `import contracts` load, and what the declaration rules read
-- (TR381: a code belongs to its category; TR341: the unit; TR418: the contract tariff). Versioned
-- exactly as the other reference kinds (0004): a changed row adds version n+1 and clears
-- is_current of version n; nothing else is ever updated in place.

-- reference_import learns the two new kinds. SQLite cannot alter a CHECK, so the table is rebuilt
-- under its own name with the same ids. The version tables reference it, so its rows are copied
-- aside, the table dropped and created again, and the rows copied back: with the foreign keys
-- deferred, the drop leaves the versions without their import only until the same ids are back,
-- and the commit checks that they are (a rename would leave the deferred count standing).
PRAGMA defer_foreign_keys = ON;

CREATE TABLE reference_import_rows AS SELECT id, kind, file_sha256, row_count, versions_added, imported_at FROM reference_import;
DROP TABLE reference_import;
CREATE TABLE reference_import (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('municipalities', 'providers', 'products', 'contracts', 'indications')),
    file_sha256    TEXT    NOT NULL CHECK (length(file_sha256) = 64),
    row_count      INTEGER NOT NULL CHECK (row_count >= 1),
    versions_added INTEGER NOT NULL CHECK (versions_added BETWEEN 1 AND row_count),
    imported_at    TEXT    NOT NULL
);
INSERT INTO reference_import (id, kind, file_sha256, row_count, versions_added, imported_at)
SELECT id, kind, file_sha256, row_count, versions_added, imported_at FROM reference_import_rows ORDER BY id;
DROP TABLE reference_import_rows;

-- One product of the regional catalogue, keyed by category (WMO020) and code (LDT_ProductCode,
-- 1 to 5 characters), with the unit (WJ756) and frequency (WMO757) the region allocates it in and
-- its financing form. arrangement_code names the arrangement indications refer to (at most one
-- current product per arrangement). Einddatum NULL is open-ended.
CREATE TABLE product_version (
    id                INTEGER PRIMARY KEY,
    product_categorie TEXT    NOT NULL CHECK (product_categorie GLOB '[0-1][0-9]'),
    product_code      TEXT    NOT NULL CHECK (length(product_code) BETWEEN 1 AND 5),
    version           INTEGER NOT NULL CHECK (version >= 1),
    description       TEXT    NOT NULL CHECK (length(trim(description)) > 0),
    eenheid           TEXT    NOT NULL CHECK (eenheid IN ('01', '04', '14', '16', '82', '83', '84')),
    frequentie        TEXT    NOT NULL CHECK (frequentie IN ('1', '2', '4', '6')),
    financing         TEXT    NOT NULL CHECK (financing IN ('inspanningsgericht', 'outputgericht', 'taakgericht')),
    arrangement_code  TEXT    NULL CHECK (arrangement_code IS NULL OR length(arrangement_code) BETWEEN 1 AND 20),
    begindatum        TEXT    NOT NULL CHECK (begindatum GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    einddatum         TEXT    NULL
                      CHECK (einddatum IS NULL OR (einddatum GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND einddatum >= begindatum)),
    import_id         INTEGER NOT NULL REFERENCES reference_import (id),
    recorded_at       TEXT    NOT NULL,
    is_current        INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    CONSTRAINT uq_product_version UNIQUE (product_categorie, product_code, version)
);

CREATE UNIQUE INDEX ux_product_version_current ON product_version (product_categorie, product_code) WHERE is_current = 1;

-- An arrangement code names one current product, so an indication's arrangement finds its code.
CREATE UNIQUE INDEX ux_product_version_arrangement ON product_version (arrangement_code) WHERE is_current = 1 AND arrangement_code IS NOT NULL;

-- One contract line: a provider (AGB code) may deliver a product of the catalogue from begindatum
-- to einddatum (NULL open-ended) at tariff_cents eurocents per unit of eenheid (WJ756). The key is
-- provider, product and begindatum; the importer keeps the periods of one provider and product from
-- overlapping. partial_month_in_full: a month only partly inside the allocation is paid in full.
CREATE TABLE contract_version (
    id                    INTEGER PRIMARY KEY,
    provider              TEXT    NOT NULL CHECK (provider GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    product_categorie     TEXT    NOT NULL CHECK (product_categorie GLOB '[0-1][0-9]'),
    product_code          TEXT    NOT NULL CHECK (length(product_code) BETWEEN 1 AND 5),
    begindatum            TEXT    NOT NULL CHECK (begindatum GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    version               INTEGER NOT NULL CHECK (version >= 1),
    einddatum             TEXT    NULL
                          CHECK (einddatum IS NULL OR (einddatum GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND einddatum >= begindatum)),
    tariff_cents          INTEGER NOT NULL CHECK (tariff_cents >= 0),
    eenheid               TEXT    NOT NULL CHECK (eenheid IN ('01', '04', '14', '16', '82', '83', '84')),
    partial_month_in_full INTEGER NOT NULL CHECK (partial_month_in_full IN (0, 1)),
    import_id             INTEGER NOT NULL REFERENCES reference_import (id),
    recorded_at           TEXT    NOT NULL,
    is_current            INTEGER NOT NULL CHECK (is_current IN (0, 1)),
    CONSTRAINT uq_contract_version UNIQUE (provider, product_categorie, product_code, begindatum, version)
);

-- The unique constraint also serves a provider's contract lines (the declaration rules' question).
CREATE UNIQUE INDEX ux_contract_version_current ON contract_version (provider, product_categorie, product_code, begindatum) WHERE is_current = 1;
