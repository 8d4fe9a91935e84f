-- Level 2 and the answer path (issue 6). Same shape as on SQLite.
ALTER TABLE dbo.message ADD checked_level int NULL
    CONSTRAINT ck_message_checked_level CHECK (checked_level IS NULL OR checked_level BETWEEN 1 AND 4);
GO

-- The GGk transport error (IB001, IB003, IB004) for a message no retour can be built for (OP090x2).
ALTER TABLE dbo.message ADD transport_error varchar(10) NULL;
GO

-- Exactly one answer per message, ever, written in the verdict's transaction; the outbox file is
-- written from it under a fixed name.
CREATE TABLE dbo.message_answer (
    message_id     bigint          NOT NULL,
    answer_type    varchar(10)     NOT NULL,
    identificatie  varchar(12)     NOT NULL,
    dagtekening    char(10)        NOT NULL,
    retourcode     varchar(10)     NOT NULL,
    file_name      nvarchar(200)   NOT NULL,
    sha256         char(64)        NOT NULL,
    content        varbinary(max)  NOT NULL,
    created_at     datetime2(7)    NOT NULL,
    written_at     datetime2(7)    NULL,
    CONSTRAINT pk_message_answer PRIMARY KEY CLUSTERED (message_id),
    CONSTRAINT fk_message_answer_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    CONSTRAINT uq_message_answer_file UNIQUE (file_name),
    CONSTRAINT uq_message_answer_identificatie UNIQUE (answer_type, identificatie),
    CONSTRAINT ck_message_answer_dagtekening CHECK (dagtekening LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    CONSTRAINT ck_message_answer_sha256 CHECK (LEN(sha256) = 64)
);
GO

CREATE INDEX ix_message_answer_unwritten ON dbo.message_answer (written_at);
GO
