-- Intake that stays true under crashes and concurrent runs (issue 5). Same shape as on SQLite.
--
-- Leases: a claim now says until when it holds. The owner renews it while it works; a claim whose
-- lease ran out (or whose owner is known to be gone) is taken over. claimed_at stays the claim time.
ALTER TABLE dbo.message ADD lease_until datetime2(7) NULL;
GO

CREATE INDEX ix_message_status_lease_until ON dbo.message (status, lease_until);
GO

-- The identity of the delivered file (device, inode, size, modification time), so that seeing the
-- same file again is the same delivery, not a new duplicate one. NULL for channels without files.
ALTER TABLE dbo.message_delivery ADD file_key varchar(100) NULL;
GO

CREATE INDEX ix_message_delivery_file ON dbo.message_delivery (source, original_name, file_key);
GO

-- Inbox files that could not be read, counted per file so that after the configured number of
-- attempts the file is set aside and shown to staff instead of retried for ever.
-- A surrogate clustered key: the natural key can pass the 900-byte limit of a clustered index,
-- well within the 1,700 bytes of a nonclustered one.
CREATE TABLE dbo.inbox_attempt (
    id            bigint IDENTITY(1, 1) NOT NULL,
    source        nvarchar(50)   NOT NULL,
    original_name nvarchar(400)  NOT NULL,
    file_key      varchar(100)   NOT NULL,
    attempts      int            NOT NULL,
    first_at      datetime2(7)   NOT NULL,
    last_at       datetime2(7)   NOT NULL,
    last_error    nvarchar(400)  NOT NULL,
    CONSTRAINT pk_inbox_attempt PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_inbox_attempt_file UNIQUE NONCLUSTERED (source, original_name, file_key),
    CONSTRAINT ck_inbox_attempt_attempts CHECK (attempts >= 1)
);
GO

-- What needs a person; task_key makes recording idempotent across crashes and reruns.
CREATE TABLE dbo.staff_task (
    id          bigint IDENTITY(1, 1) NOT NULL,
    task_key    nvarchar(200)  NOT NULL,
    kind        varchar(40)    NOT NULL,
    message_id  bigint         NULL,
    subject     nvarchar(400)  NOT NULL,
    detail      nvarchar(max)  NOT NULL,
    created_at  datetime2(7)   NOT NULL,
    due_on      char(10)       NULL,
    closed_at   datetime2(7)   NULL,
    CONSTRAINT pk_staff_task PRIMARY KEY CLUSTERED (id),
    CONSTRAINT uq_staff_task_key UNIQUE (task_key),
    CONSTRAINT fk_staff_task_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    CONSTRAINT ck_staff_task_due_on CHECK (due_on IS NULL OR due_on LIKE '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
GO

CREATE INDEX ix_staff_task_open ON dbo.staff_task (closed_at, due_on);
GO
