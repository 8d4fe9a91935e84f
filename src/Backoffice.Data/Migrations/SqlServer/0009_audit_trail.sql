-- The audit trail (issue 9). Same shape as on SQLite: one append-only row per state change and per
-- human action (who, from where, what, why; the rule and schema set of a verdict), written in the
-- transaction of the change it records. The triggers refuse UPDATE and DELETE for everyone the
-- triggers run for; deploy/sqlserver/provision.sql also DENIES both to backoffice_runtime on every
-- append-only table, so the service login is refused by permission before any trigger runs.

CREATE TABLE dbo.audit_event (
    id          bigint IDENTITY(1,1) NOT NULL,
    occurred_at datetime2(7)   NOT NULL,
    actor       nvarchar(100)  NOT NULL,
    origin      nvarchar(200)  NOT NULL,
    action      varchar(40)    NOT NULL,
    message_id  bigint         NULL,
    subject     nvarchar(400)  NOT NULL,
    detail      nvarchar(max)  NOT NULL,
    why         nvarchar(1000) NOT NULL,
    rule_set    varchar(200)   NULL,
    schema_set  varchar(100)   NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY CLUSTERED (id),
    CONSTRAINT fk_audit_event_message FOREIGN KEY (message_id) REFERENCES dbo.message (id),
    CONSTRAINT ck_audit_event_actor CHECK (len(actor) >= 1),
    CONSTRAINT ck_audit_event_origin CHECK (len(origin) >= 1),
    CONSTRAINT ck_audit_event_action CHECK (action IN ('received', 'delivered-again', 'verdict', 'task-opened', 'task-closed', 'answer-written',
                                                       'reference-imported', 'reference-import-unchanged', 'reference-import-rejected',
                                                       'request-answered', 'raw-exported', 'migrated'))
);
GO

-- One message's story (backoffice audit MESSAGE-ID) in the order it happened.
CREATE INDEX ix_audit_event_message ON dbo.audit_event (message_id, id) WHERE message_id IS NOT NULL;
GO

CREATE TRIGGER dbo.tr_audit_event_append_only ON dbo.audit_event AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50004, 'audit_event is append-only', 1;
END;
GO

-- The delivered bytes and every delivery of them: written once at intake, never changed.
CREATE TRIGGER dbo.tr_message_content_append_only ON dbo.message_content AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50005, 'message_content is append-only', 1;
END;
GO

CREATE TRIGGER dbo.tr_message_delivery_append_only ON dbo.message_delivery AFTER UPDATE, DELETE
AS
BEGIN
    SET NOCOUNT ON;
    THROW 50006, 'message_delivery is append-only', 1;
END;
GO
