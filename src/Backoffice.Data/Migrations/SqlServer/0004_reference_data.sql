-- Reference data and indications (issue 7). Same shape and versioning as on SQLite: a changed row
-- adds version n+1 and clears is_current of version n; nothing else is ever updated in place.

-- One row per import that added at least one version.
CREATE TABLE dbo.reference_import (
    id             bigint IDENTITY(1, 1) NOT NULL,
    kind           varchar(20)   NOT NULL,
    file_sha256    char(64)      NOT NULL,
    row_count      int           NOT NULL,
    versions_added int           NOT NULL,
    imported_at    datetime2(7)  NOT NULL,
    CONSTRAINT pk_reference_import PRIMARY KEY CLUSTERED (id),
    CONSTRAINT ck_reference_import_kind CHECK (kind IN ('municipalities', 'providers', 'indications')),
    CONSTRAINT ck_reference_import_sha256 CHECK (LEN(file_sha256) = 64),
    CONSTRAINT ck_reference_import_row_count CHECK (row_count >= 1),
    CONSTRAINT ck_reference_import_versions_added CHECK (versions_added BETWEEN 1 AND row_count)
);
GO

-- The municipalities this backoffice serves, by CBS code (4 digits).
CREATE TABLE dbo.municipality_version (
    id          bigint IDENTITY(1, 1) NOT NULL,
    cbs_code    char(4)        NOT NULL,
    version     int            NOT NULL,
    name        nvarchar(200)  NOT NULL,
    import_id   bigint         NOT NULL,
    recorded_at datetime2(7)   NOT NULL,
    is_current  bit            NOT NULL,
    CONSTRAINT pk_municipality_version PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_municipality_version UNIQUE (cbs_code, version),
    CONSTRAINT fk_municipality_version_import FOREIGN KEY (import_id) REFERENCES dbo.reference_import (id),
    CONSTRAINT ck_municipality_version_cbs_code CHECK (cbs_code LIKE '[0-9][0-9][0-9][0-9]'),
    CONSTRAINT ck_municipality_version_version CHECK (version >= 1),
    CONSTRAINT ck_municipality_version_name CHECK (LEN(name) > 0)
);
GO

-- At most one current version per key: a filtered unique index.
CREATE UNIQUE INDEX ux_municipality_version_current ON dbo.municipality_version (cbs_code) WHERE is_current = 1;
GO

-- The providers the backoffice knows, by AGB code (8 digits).
CREATE TABLE dbo.provider_version (
    id          bigint IDENTITY(1, 1) NOT NULL,
    agb_code    char(8)        NOT NULL,
    version     int            NOT NULL,
    name        nvarchar(200)  NOT NULL,
    import_id   bigint         NOT NULL,
    recorded_at datetime2(7)   NOT NULL,
    is_current  bit            NOT NULL,
    CONSTRAINT pk_provider_version PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_provider_version UNIQUE (agb_code, version),
    CONSTRAINT fk_provider_version_import FOREIGN KEY (import_id) REFERENCES dbo.reference_import (id),
    CONSTRAINT ck_provider_version_agb_code CHECK (agb_code LIKE '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    CONSTRAINT ck_provider_version_version CHECK (version >= 1),
    CONSTRAINT ck_provider_version_name CHECK (LEN(name) > 0)
);
GO

CREATE UNIQUE INDEX ux_provider_version_current ON dbo.provider_version (agb_code) WHERE is_current = 1;
GO

-- The indications (beschikkingen) of the front office, keyed by BeschikkingNummer (at most 9
-- digits) across the region. A product category with an optional code, or an arrangement code,
-- never both. The first table with a BSN in a column of its own: never logged, never in a message.
CREATE TABLE dbo.indication_version (
    id                bigint IDENTITY(1, 1) NOT NULL,
    indication_number varchar(9)     NOT NULL,
    version           int            NOT NULL,
    municipality      char(4)        NOT NULL,
    bsn               char(9)        NOT NULL,
    product_categorie char(2)        NULL,
    product_code      nvarchar(5)    NULL,
    arrangement_code  varchar(20)    NULL,
    begindatum        char(10)       NOT NULL,
    einddatum         char(10)       NULL,
    decision_date     char(10)       NOT NULL,
    status            varchar(16)    NOT NULL,
    import_id         bigint         NOT NULL,
    recorded_at       datetime2(7)   NOT NULL,
    is_current        bit            NOT NULL,
    CONSTRAINT pk_indication_version PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_indication_version UNIQUE (indication_number, version),
    CONSTRAINT fk_indication_version_import FOREIGN KEY (import_id) REFERENCES dbo.reference_import (id),
    CONSTRAINT ck_indication_version_number CHECK (LEN(indication_number) BETWEEN 1 AND 9 AND indication_number NOT LIKE '%[^0-9]%'),
    CONSTRAINT ck_indication_version_version CHECK (version >= 1),
    CONSTRAINT ck_indication_version_municipality CHECK (municipality LIKE '[0-9][0-9][0-9][0-9]'),
    CONSTRAINT ck_indication_version_bsn CHECK (bsn LIKE '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    CONSTRAINT ck_indication_version_categorie CHECK (product_categorie IS NULL OR product_categorie LIKE '[0-9][0-9]'),
    CONSTRAINT ck_indication_version_code CHECK (product_code IS NULL OR LEN(product_code) BETWEEN 1 AND 5),
    CONSTRAINT ck_indication_version_arrangement CHECK (arrangement_code IS NULL OR LEN(arrangement_code) BETWEEN 1 AND 20),
    CONSTRAINT ck_indication_version_begindatum CHECK (begindatum LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CONSTRAINT ck_indication_version_einddatum CHECK (einddatum IS NULL OR (einddatum LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND einddatum >= begindatum)),
    CONSTRAINT ck_indication_version_decision_date CHECK (decision_date LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CONSTRAINT ck_indication_version_status CHECK (status IN ('active', 'withdrawn', 'superseded')),
    CONSTRAINT ck_indication_version_product CHECK (
        (product_categorie IS NOT NULL AND arrangement_code IS NULL)
        OR (product_categorie IS NULL AND product_code IS NULL AND arrangement_code IS NOT NULL))
);
GO

CREATE UNIQUE INDEX ux_indication_version_current ON dbo.indication_version (indication_number) WHERE is_current = 1;
GO

-- A client's current indications in one municipality.
CREATE INDEX ix_indication_version_client ON dbo.indication_version (municipality, bsn) WHERE is_current = 1;
GO
