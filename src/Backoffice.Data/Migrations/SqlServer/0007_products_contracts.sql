-- The regional product catalogue and the providers' contracts (the declarations issue). Same shape
-- and versioning as on SQLite: a changed row adds version n+1 and clears is_current of version n.

-- reference_import learns the two new kinds.
ALTER TABLE dbo.reference_import DROP CONSTRAINT ck_reference_import_kind;
GO

ALTER TABLE dbo.reference_import ADD CONSTRAINT ck_reference_import_kind
    CHECK (kind IN ('municipalities', 'providers', 'products', 'contracts', 'indications'));
GO

-- One product of the regional catalogue, keyed by category (WMO020) and code (LDT_ProductCode),
-- with its unit (WJ756), frequency (WMO757), financing form and optional arrangement code.
CREATE TABLE dbo.product_version (
    id                bigint IDENTITY(1, 1) NOT NULL,
    product_categorie char(2)        NOT NULL,
    product_code      nvarchar(5)    NOT NULL,
    version           int            NOT NULL,
    description       nvarchar(200)  NOT NULL,
    eenheid           char(2)        NOT NULL,
    frequentie        varchar(1)     NOT NULL,
    financing         varchar(20)    NOT NULL,
    arrangement_code  varchar(20)    NULL,
    begindatum        char(10)       NOT NULL,
    einddatum         char(10)       NULL,
    import_id         bigint         NOT NULL,
    recorded_at       datetime2(7)   NOT NULL,
    is_current        bit            NOT NULL,
    CONSTRAINT pk_product_version PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_product_version UNIQUE (product_categorie, product_code, version),
    CONSTRAINT fk_product_version_import FOREIGN KEY (import_id) REFERENCES dbo.reference_import (id),
    CONSTRAINT ck_product_version_categorie CHECK (product_categorie LIKE '[0-1][0-9]'),
    CONSTRAINT ck_product_version_code CHECK (LEN(product_code) BETWEEN 1 AND 5),
    CONSTRAINT ck_product_version_version CHECK (version >= 1),
    CONSTRAINT ck_product_version_description CHECK (LEN(description) > 0),
    CONSTRAINT ck_product_version_eenheid CHECK (eenheid IN ('01', '04', '14', '16', '82', '83', '84')),
    CONSTRAINT ck_product_version_frequentie CHECK (frequentie IN ('1', '2', '4', '6')),
    CONSTRAINT ck_product_version_financing CHECK (financing IN ('inspanningsgericht', 'outputgericht', 'taakgericht')),
    CONSTRAINT ck_product_version_arrangement CHECK (arrangement_code IS NULL OR LEN(arrangement_code) BETWEEN 1 AND 20),
    CONSTRAINT ck_product_version_begindatum CHECK (begindatum LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CONSTRAINT ck_product_version_einddatum CHECK (einddatum IS NULL OR (einddatum LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND einddatum >= begindatum))
);
GO

CREATE UNIQUE INDEX ux_product_version_current ON dbo.product_version (product_categorie, product_code) WHERE is_current = 1;
GO

-- An arrangement code names one current product.
CREATE UNIQUE INDEX ux_product_version_arrangement ON dbo.product_version (arrangement_code) WHERE is_current = 1 AND arrangement_code IS NOT NULL;
GO

-- One contract line: provider, product and begindatum are the key; the importer keeps the periods
-- of one provider and product from overlapping. tariff_cents per unit of eenheid (WJ756).
CREATE TABLE dbo.contract_version (
    id                    bigint IDENTITY(1, 1) NOT NULL,
    provider              char(8)        NOT NULL,
    product_categorie     char(2)        NOT NULL,
    product_code          nvarchar(5)    NOT NULL,
    begindatum            char(10)       NOT NULL,
    version               int            NOT NULL,
    einddatum             char(10)       NULL,
    tariff_cents          bigint         NOT NULL,
    eenheid               char(2)        NOT NULL,
    partial_month_in_full bit            NOT NULL,
    import_id             bigint         NOT NULL,
    recorded_at           datetime2(7)   NOT NULL,
    is_current            bit            NOT NULL,
    CONSTRAINT pk_contract_version PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_contract_version UNIQUE (provider, product_categorie, product_code, begindatum, version),
    CONSTRAINT fk_contract_version_import FOREIGN KEY (import_id) REFERENCES dbo.reference_import (id),
    CONSTRAINT ck_contract_version_provider CHECK (provider LIKE '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'),
    CONSTRAINT ck_contract_version_categorie CHECK (product_categorie LIKE '[0-1][0-9]'),
    CONSTRAINT ck_contract_version_code CHECK (LEN(product_code) BETWEEN 1 AND 5),
    CONSTRAINT ck_contract_version_begindatum CHECK (begindatum LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CONSTRAINT ck_contract_version_version CHECK (version >= 1),
    CONSTRAINT ck_contract_version_einddatum CHECK (einddatum IS NULL OR (einddatum LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND einddatum >= begindatum)),
    CONSTRAINT ck_contract_version_tariff CHECK (tariff_cents >= 0),
    CONSTRAINT ck_contract_version_eenheid CHECK (eenheid IN ('01', '04', '14', '16', '82', '83', '84'))
);
GO

CREATE UNIQUE INDEX ux_contract_version_current ON dbo.contract_version (provider, product_categorie, product_code, begindatum) WHERE is_current = 1;
GO
