-- Declarations (WMO323 -> WMO325), their verdicts per prestatie and the payment ledger. Same shape
-- as on SQLite; append-only, enforced by triggers (an auditor's guarantee, not only a habit).

CREATE TABLE dbo.declaration (
    message_id        bigint        NOT NULL,
    provider          char(8)       NOT NULL,
    municipality      char(4)       NOT NULL,
    declaratie_nummer varchar(12)   NOT NULL,
    periode_begin     char(10)      NOT NULL,
    periode_eind      char(10)      NOT NULL,
    dagtekening       char(10)      NOT NULL,
    ingediend_cents   bigint        NOT NULL,
    toegekend_cents   bigint        NOT NULL,
    rejected_whole    bit           NOT NULL,
    retourcodes       varchar(200)  NOT NULL,
    rule_set          varchar(200)  NOT NULL,
    schema_set        varchar(100)  NOT NULL,
    recorded_at       datetime2(7)  NOT NULL,
    CONSTRAINT pk_declaration PRIMARY KEY CLUSTERED (message_id),
    CONSTRAINT fk_declaration_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    CONSTRAINT ck_declaration_periode CHECK (periode_begin LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-01' AND periode_eind >= periode_begin)
);
GO

CREATE INDEX ix_declaration_nummer ON dbo.declaration (provider, declaratie_nummer);
GO
CREATE INDEX ix_declaration_period ON dbo.declaration (provider, municipality, periode_begin);
GO

CREATE TABLE dbo.prestatie_verdict (
    id                      bigint IDENTITY(1,1) NOT NULL,
    message_id              bigint        NOT NULL,
    ordinal                 int           NOT NULL,
    municipality            char(4)       NOT NULL,
    provider                char(8)       NOT NULL,
    bsn                     char(9)       NOT NULL,
    referentie_nummer       varchar(36)   NOT NULL,
    vorig_referentie_nummer varchar(36)   NULL,
    toewijzing_nummer       int           NOT NULL,
    product_categorie       char(2)       NOT NULL,
    product_code            varchar(5)    NOT NULL,
    periode_begin           char(10)      NOT NULL,
    periode_eind            char(10)      NOT NULL,
    geleverd_volume         bigint        NOT NULL,
    eenheid                 char(2)       NOT NULL,
    product_tarief          bigint        NULL,
    bedrag_cents            bigint        NOT NULL,
    debet_credit            char(1)       NOT NULL,
    approved                bit           NOT NULL,
    retourcodes             varchar(200)  NOT NULL,
    allocation_version_id   bigint        NULL,
    indication_number       varchar(40)   NULL,
    indication_version      int           NULL,
    contract_begindatum     char(10)      NULL,
    contract_version        int           NULL,
    tariff_cents            bigint        NULL,
    credits_prestatie_id    bigint        NULL,
    recorded_at             datetime2(7)  NOT NULL,
    CONSTRAINT pk_prestatie_verdict PRIMARY KEY CLUSTERED (id),
    CONSTRAINT fk_prestatie_verdict_declaration FOREIGN KEY (message_id) REFERENCES dbo.declaration (message_id),
    CONSTRAINT fk_prestatie_verdict_allocation FOREIGN KEY (allocation_version_id) REFERENCES dbo.allocation_version (id),
    CONSTRAINT fk_prestatie_verdict_credit FOREIGN KEY (credits_prestatie_id) REFERENCES dbo.prestatie_verdict (id),
    CONSTRAINT uq_prestatie_verdict UNIQUE (message_id, ordinal),
    CONSTRAINT ck_prestatie_verdict_dc CHECK (debet_credit IN ('D', 'C')),
    CONSTRAINT ck_prestatie_verdict_bedrag CHECK (bedrag_cents >= 0),
    CONSTRAINT ck_prestatie_verdict_approved CHECK (approved = 0 OR retourcodes = '8001')
);
GO

CREATE INDEX ix_prestatie_verdict_referentie ON dbo.prestatie_verdict (provider, referentie_nummer);
GO
CREATE INDEX ix_prestatie_verdict_allocation ON dbo.prestatie_verdict (municipality, provider, toewijzing_nummer);
GO
CREATE UNIQUE INDEX ux_prestatie_verdict_credit ON dbo.prestatie_verdict (credits_prestatie_id) WHERE credits_prestatie_id IS NOT NULL AND approved = 1;
GO

CREATE TABLE dbo.payment_ledger (
    id                bigint IDENTITY(1,1) NOT NULL,
    message_id        bigint        NOT NULL,
    prestatie_id      bigint        NOT NULL,
    municipality      char(4)       NOT NULL,
    provider          char(8)       NOT NULL,
    product_categorie char(2)       NOT NULL,
    product_code      varchar(5)    NOT NULL,
    delivery_month    char(7)       NOT NULL,
    batch_month       char(7)       NOT NULL,
    amount_cents      bigint        NOT NULL,
    recorded_at       datetime2(7)  NOT NULL,
    CONSTRAINT pk_payment_ledger PRIMARY KEY CLUSTERED (id),
    CONSTRAINT fk_payment_ledger_declaration FOREIGN KEY (message_id) REFERENCES dbo.declaration (message_id),
    CONSTRAINT fk_payment_ledger_prestatie FOREIGN KEY (prestatie_id) REFERENCES dbo.prestatie_verdict (id),
    CONSTRAINT uq_payment_ledger_prestatie UNIQUE (prestatie_id)
);
GO

CREATE INDEX ix_payment_ledger_batch ON dbo.payment_ledger (batch_month, municipality, provider);
GO

CREATE TRIGGER dbo.tr_declaration_append_only ON dbo.declaration AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50001, 'declaration is append-only', 1;
END;
GO

CREATE TRIGGER dbo.tr_prestatie_verdict_append_only ON dbo.prestatie_verdict AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50002, 'prestatie_verdict is append-only', 1;
END;
GO

CREATE TRIGGER dbo.tr_payment_ledger_append_only ON dbo.payment_ledger AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50003, 'payment_ledger is append-only', 1;
END;
GO
