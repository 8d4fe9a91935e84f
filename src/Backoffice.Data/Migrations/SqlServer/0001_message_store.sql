-- Durable message store: the raw bytes of every message exactly as received, every delivery of
-- them (duplicates included) and the findings of processing. Timestamps are UTC datetime2(7);
-- dates are ISO 'yyyy-MM-dd' text so that one store serves SQLite and SQL Server alike.
-- BSN and names live only inside content, never in a column of their own.

CREATE TABLE dbo.message (
    id             bigint IDENTITY(1, 1) NOT NULL,
    sha256         char(64)       NOT NULL,
    size_bytes     bigint         NOT NULL,
    received_at    datetime2(7)   NOT NULL,
    source         nvarchar(50)   NOT NULL,
    original_name  nvarchar(400)  NOT NULL,
    status         varchar(16)    NOT NULL CONSTRAINT df_message_status DEFAULT ('received'),
    claimed_by     nvarchar(200)  NULL,
    claimed_at     datetime2(7)   NULL,
    standard       nvarchar(50)   NULL,
    message_type   nvarchar(50)   NULL,
    bericht_code   int            NULL,
    sender         nvarchar(100)  NULL,
    receiver       nvarchar(100)  NULL,
    identificatie  nvarchar(100)  NULL,
    dagtekening    char(10)       NULL,
    outcome        varchar(16)    NULL,
    outcome_reason nvarchar(max)  NULL,
    processed_at   datetime2(7)   NULL,
    CONSTRAINT pk_message PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_message_sha256 UNIQUE (sha256),
    CONSTRAINT ck_message_sha256 CHECK (LEN(sha256) = 64),
    CONSTRAINT ck_message_size_bytes CHECK (size_bytes >= 0),
    CONSTRAINT ck_message_status CHECK (status IN ('received', 'processing', 'processed')),
    CONSTRAINT ck_message_dagtekening CHECK (dagtekening IS NULL OR dagtekening LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CONSTRAINT ck_message_outcome CHECK (outcome IS NULL OR outcome IN ('accepted', 'rejected', 'unsupported', 'unreadable', 'too-large'))
);
GO

-- The pending scan: status 'received', or 'processing' with a claim older than the timeout.
CREATE INDEX ix_message_status_claimed_at ON dbo.message (status, claimed_at);
GO

-- The raw bytes, written once at intake and never updated, apart from message as on SQLite: claims
-- and outcomes update a small row and never touch the blob.
CREATE TABLE dbo.message_content (
    message_id bigint         NOT NULL,
    content    varbinary(max) NOT NULL,
    CONSTRAINT pk_message_content PRIMARY KEY CLUSTERED (message_id),
    CONSTRAINT fk_message_content_message FOREIGN KEY (message_id) REFERENCES dbo.message (id)
);
GO

CREATE TABLE dbo.message_delivery (
    id            bigint IDENTITY(1, 1) NOT NULL,
    message_id    bigint        NOT NULL,
    source        nvarchar(50)  NOT NULL,
    original_name nvarchar(400) NOT NULL,
    received_at   datetime2(7)  NOT NULL,
    is_duplicate  bit           NOT NULL,
    CONSTRAINT pk_message_delivery PRIMARY KEY CLUSTERED (id),
    CONSTRAINT fk_message_delivery_message FOREIGN KEY (message_id) REFERENCES dbo.message (id)
);
GO

CREATE INDEX ix_message_delivery_message_id ON dbo.message_delivery (message_id);
GO

CREATE TABLE dbo.message_finding (
    message_id bigint        NOT NULL,
    seq        int           NOT NULL,
    level      int           NOT NULL,
    rule_code  nvarchar(50)  NULL,
    retourcode varchar(10)   NULL,
    path       nvarchar(max) NULL,
    line       int           NULL,
    col        int           NULL,
    text       nvarchar(max) NOT NULL,
    CONSTRAINT pk_message_finding PRIMARY KEY CLUSTERED (message_id, seq),
    CONSTRAINT fk_message_finding_message FOREIGN KEY (message_id) REFERENCES dbo.message (id)
);
GO
