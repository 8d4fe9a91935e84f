-- The allocation register and the care lifecycle (issue 7). Same shape as on SQLite; written in
-- the transaction of the verdict of the message that caused it, only for an accepted message.

ALTER TABLE dbo.message ADD answer_due_on char(10) NULL
    CONSTRAINT ck_message_answer_due_on CHECK (answer_due_on IS NULL OR answer_due_on LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
GO

-- A forwarded message of our own (a checked 301 or 319) carries no retourcode.
ALTER TABLE dbo.message_answer ALTER COLUMN retourcode varchar(200) NULL;
GO

CREATE TABLE dbo.allocation_version (
    id                   bigint IDENTITY(1,1) NOT NULL,
    message_id           bigint        NOT NULL,
    municipality         char(4)       NOT NULL,
    provider             char(8)       NOT NULL,
    bsn                  char(9)       NOT NULL,
    toewijzing_nummer    int           NOT NULL,
    referentie_aanbieder varchar(36)   NULL,
    product_categorie    char(2)       NULL,
    product_code         varchar(5)    NULL,
    toewijzingsdatum     char(10)      NOT NULL,
    toewijzingstijd      varchar(20)   NOT NULL,
    ingangsdatum         char(10)      NOT NULL,
    einddatum            char(10)      NULL,
    reden_wijziging      char(2)       NULL,
    volume               bigint        NULL,
    eenheid              char(2)       NULL,
    frequentie           char(1)       NULL,
    budget               bigint        NULL,
    commentaar           nvarchar(max) NULL,
    backing              varchar(20)   NOT NULL,
    indication_number    varchar(40)   NULL,
    indication_version   int           NULL,
    recorded_at          datetime2(7)  NOT NULL,
    CONSTRAINT pk_allocation_version PRIMARY KEY CLUSTERED (id),
    CONSTRAINT fk_allocation_version_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    -- One row per version (IV013: number and moment) and ReferentieAanbieder (36, LDT_Referentie):
    -- a version resent with the reference of the request it answers (IV093) is kept beside the
    -- first, so TR379 can tell which reference was sent with it; an identical resend adds nothing.
    CONSTRAINT uq_allocation_version UNIQUE (municipality, toewijzing_nummer, toewijzingsdatum, toewijzingstijd, referentie_aanbieder),
    CONSTRAINT ck_allocation_version_backing CHECK (backing IN ('backed', 'outside-period', 'unbacked'))
);
GO

CREATE INDEX ix_allocation_version_client ON dbo.allocation_version (municipality, provider, bsn);
GO

CREATE TABLE dbo.care_line (
    id                      bigint IDENTITY(1,1) NOT NULL,
    message_id              bigint       NOT NULL,
    kind                    varchar(5)   NOT NULL,
    municipality            char(4)      NOT NULL,
    provider                char(8)      NOT NULL,
    bsn                     char(9)      NOT NULL,
    toewijzing_nummer       int          NULL,
    product_categorie       char(2)      NULL,
    product_code            varchar(5)   NULL,
    toewijzing_ingangsdatum char(10)     NULL,
    begindatum              char(10)     NOT NULL,
    einddatum               char(10)     NULL,
    reden_beeindiging       char(2)      NULL,
    status_aanlevering      char(1)      NOT NULL,
    recorded_at             datetime2(7) NOT NULL,
    CONSTRAINT pk_care_line PRIMARY KEY CLUSTERED (id),
    CONSTRAINT fk_care_line_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    CONSTRAINT ck_care_line_kind CHECK (kind IN ('start', 'stop')),
    CONSTRAINT ck_care_line_status CHECK (status_aanlevering IN ('1', '3'))
);
GO

CREATE INDEX ix_care_line_client ON dbo.care_line (provider, bsn, id);
GO

CREATE TABLE dbo.request (
    id                    bigint IDENTITY(1,1) NOT NULL,
    message_id            bigint       NOT NULL,
    kind                  varchar(3)   NOT NULL,
    municipality          char(4)      NOT NULL,
    provider              char(8)      NOT NULL,
    bsn                   char(9)      NOT NULL,
    referentie_aanbieder  varchar(36)  NOT NULL,
    request_date          char(10)     NOT NULL,
    received_on           char(10)     NOT NULL,
    due_on                char(10)     NOT NULL,
    state                 varchar(12)  NOT NULL,
    in_onderzoek_on       char(10)     NULL,
    final_due_on          char(10)     NULL,
    closed_by_message_id  bigint       NULL,
    CONSTRAINT pk_request PRIMARY KEY CLUSTERED (id),
    CONSTRAINT fk_request_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    CONSTRAINT fk_request_closed_by FOREIGN KEY (closed_by_message_id) REFERENCES dbo.message (id),
    CONSTRAINT uq_request_reference UNIQUE (provider, referentie_aanbieder),
    CONSTRAINT ck_request_kind CHECK (kind IN ('vot', 'vow')),
    CONSTRAINT ck_request_state CHECK (state IN ('open', 'in-onderzoek', 'allocated', 'rejected'))
);
GO

CREATE INDEX ix_request_client ON dbo.request (provider, bsn);
GO

CREATE TABLE dbo.provider_retour (
    message_id            bigint       NOT NULL,
    answers_type          varchar(10)  NOT NULL,
    answers_message_id    bigint       NULL,
    answers_identificatie varchar(12)  NOT NULL,
    answers_dagtekening   char(10)     NOT NULL,
    rejected              bit          NOT NULL,
    recorded_at           datetime2(7) NOT NULL,
    CONSTRAINT pk_provider_retour PRIMARY KEY CLUSTERED (message_id),
    CONSTRAINT fk_provider_retour_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    CONSTRAINT fk_provider_retour_answers FOREIGN KEY (answers_message_id) REFERENCES dbo.message (id)
);
GO

CREATE TABLE dbo.provider_rejection (
    message_id  bigint        NOT NULL,
    seq         int           NOT NULL,
    path        varchar(400)  NOT NULL,
    subject     nvarchar(400) NOT NULL,
    retourcodes varchar(200)  NOT NULL,
    CONSTRAINT pk_provider_rejection PRIMARY KEY CLUSTERED (message_id, seq),
    CONSTRAINT fk_provider_rejection_retour FOREIGN KEY (message_id) REFERENCES dbo.provider_retour (message_id)
);
GO
