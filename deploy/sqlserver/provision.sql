-- Backoffice on SQL Server: the database, a login for the service and two roles with least
-- privilege. Idempotent: safe to run again (for example after rotating the password it does not
-- change, or to add a second instance's login).
--
-- Run as a member of sysadmin (or a login with CREATE ANY DATABASE, ALTER ANY LOGIN) with sqlcmd.
-- sqlcmd takes scripting variables from the environment, which keeps the password off the
-- command line and out of the shell history:
--
--   export DatabaseName=backoffice AppLogin=backoffice_svc GrantMigrator=yes
--   read -rs AppPassword && export AppPassword
--   sqlcmd -S tcp:db.example.org,1433 -E -b -i deploy/sqlserver/provision.sql
--
-- Variables:
--   DatabaseName   the database to create (or reuse)
--   AppLogin       the SQL login the service connects with (the connection string's User ID)
--   AppPassword    its password; must satisfy the server's password policy and hold no single quote
--   GrantMigrator  'yes' when the service applies its own migrations at start-up (the default
--                  `backoffice run`); 'no' when an operator runs them with a separate, stronger login

SET NOCOUNT ON;
SET XACT_ABORT ON;
GO

USE [master];
GO

IF DB_ID(N'$(DatabaseName)') IS NULL
BEGIN
    DECLARE @create nvarchar(max) = N'CREATE DATABASE ' + QUOTENAME(N'$(DatabaseName)') + N';';
    EXEC (@create);
END;
GO

-- Read committed snapshot: reports and the staff UI read row versions instead of waiting on the
-- locks of intake and processing. Claims stay exclusive, because an UPDATE still takes row locks
-- and re-checks its condition. Switching needs a moment alone with the database, so only once.
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'$(DatabaseName)' AND is_read_committed_snapshot_on = 0)
BEGIN
    DECLARE @rcsi nvarchar(max) = N'ALTER DATABASE ' + QUOTENAME(N'$(DatabaseName)') + N' SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;';
    EXEC (@rcsi);
END;
GO

IF SUSER_ID(N'$(AppLogin)') IS NULL
BEGIN
    CREATE LOGIN [$(AppLogin)]
        WITH PASSWORD = N'$(AppPassword)',
             DEFAULT_DATABASE = [$(DatabaseName)],
             CHECK_POLICY = ON,
             CHECK_EXPIRATION = OFF; -- a service account must not lock itself out on expiry; rotate by policy instead
END;
GO

USE [$(DatabaseName)];
GO

IF DATABASE_PRINCIPAL_ID(N'$(AppLogin)') IS NULL
BEGIN
    CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)] WITH DEFAULT_SCHEMA = dbo;
END;
GO

-- backoffice_runtime: what the running service does with rows. No DELETE: the message store and
-- the audit trail are append-only; a later script grants DELETE table by table where a feature
-- needs it (for example Quartz's clustered job store). No DDL, no EXECUTE AS, no server rights.
IF DATABASE_PRINCIPAL_ID(N'backoffice_runtime') IS NULL
BEGIN
    CREATE ROLE backoffice_runtime AUTHORIZATION dbo;
END;
GO

GRANT SELECT, INSERT, UPDATE ON SCHEMA::dbo TO backoffice_runtime;
GO

-- backoffice_migrator: what DbUp needs to apply the forward-only scripts in dbo and keep its
-- journal (dbo.SchemaVersions): create tables, views, procedures and functions, alter them and add
-- indexes and foreign keys. Not db_owner: it cannot change permissions, users or the database.
IF DATABASE_PRINCIPAL_ID(N'backoffice_migrator') IS NULL
BEGIN
    CREATE ROLE backoffice_migrator AUTHORIZATION dbo;
END;
GO

GRANT CREATE TABLE, CREATE VIEW, CREATE PROCEDURE, CREATE FUNCTION TO backoffice_migrator;
GRANT ALTER, REFERENCES, SELECT, INSERT, UPDATE ON SCHEMA::dbo TO backoffice_migrator;
GO

IF IS_ROLEMEMBER(N'backoffice_runtime', N'$(AppLogin)') = 0
BEGIN
    ALTER ROLE backoffice_runtime ADD MEMBER [$(AppLogin)];
END;
GO

IF N'$(GrantMigrator)' = N'yes' AND IS_ROLEMEMBER(N'backoffice_migrator', N'$(AppLogin)') = 0
BEGIN
    ALTER ROLE backoffice_migrator ADD MEMBER [$(AppLogin)];
END;

IF N'$(GrantMigrator)' <> N'yes' AND IS_ROLEMEMBER(N'backoffice_migrator', N'$(AppLogin)') = 1
BEGIN
    ALTER ROLE backoffice_migrator DROP MEMBER [$(AppLogin)];
END;
GO

-- Append-only tables: what was received, declared, judged, paid and audited is never changed in
-- place. The migrations' triggers refuse UPDATE and DELETE on them; here the runtime role is also
-- DENIED both, so the service login is refused by permission before any trigger runs, and a DENY
-- beats every GRANT (also the migrator role's UPDATE, when the service login holds both roles).
-- Only owners (db_owner, sysadmin) pass a DENY; the triggers still stop them.
-- The tables are made by the migrations, so run this script again after the first
-- `backoffice migrate` (and after an upgrade that adds append-only tables): a table that does not
-- exist yet is skipped and named.
DECLARE @appendOnly TABLE (name sysname NOT NULL);
INSERT INTO @appendOnly (name)
VALUES (N'message_content'), (N'message_delivery'), (N'declaration'), (N'prestatie_verdict'), (N'payment_ledger'), (N'audit_event');

DECLARE @table sysname;
DECLARE @deny nvarchar(max);
DECLARE appendOnlyTables CURSOR LOCAL FAST_FORWARD FOR SELECT name FROM @appendOnly ORDER BY name;
OPEN appendOnlyTables;
FETCH NEXT FROM appendOnlyTables INTO @table;
WHILE @@FETCH_STATUS = 0
BEGIN
    IF OBJECT_ID(N'dbo.' + QUOTENAME(@table), N'U') IS NOT NULL
    BEGIN
        SET @deny = N'DENY UPDATE, DELETE ON OBJECT::dbo.' + QUOTENAME(@table) + N' TO backoffice_runtime;';
        EXEC (@deny);
        PRINT N'Append-only: UPDATE and DELETE denied to backoffice_runtime on dbo.' + @table + N'.';
    END
    ELSE
    BEGIN
        PRINT N'Append-only: dbo.' + @table + N' does not exist yet; run this script again after backoffice migrate.';
    END;

    FETCH NEXT FROM appendOnlyTables INTO @table;
END;
CLOSE appendOnlyTables;
DEALLOCATE appendOnlyTables;
GO

PRINT N'Backoffice database $(DatabaseName) provisioned for login $(AppLogin) (migrator: $(GrantMigrator)).';
GO
