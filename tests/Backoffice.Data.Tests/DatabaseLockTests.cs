using System.Diagnostics;
using NUnit.Framework;

namespace Backoffice.Data.Tests;

/// <summary>The named lock as every caller sees it, on either database.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class DatabaseLockTests(DatabaseProvider provider)
{
    private TestDatabase database = null!;

    [SetUp]
    public async Task SetUp() => database = await TestDatabase.CreateEmptyAsync(provider);

    [TearDown]
    public async Task TearDown()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public void A_held_lock_refuses_a_second_holder_until_it_is_released()
    {
        var first = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero);
        Assert.That(first, Is.Not.Null);

        using (var second = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero))
        {
            Assert.That(second, Is.Null, "held by the first");
        }

        first!.Dispose();
        using var third = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero);
        Assert.That(third, Is.Not.Null, "released by disposing the first");
    }

    [Test]
    public void Locks_of_different_names_are_independent()
    {
        using var batch = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero);
        using var migrations = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Migrations, TimeSpan.Zero);

        Assert.That(batch, Is.Not.Null);
        Assert.That(migrations, Is.Not.Null);
    }

    [Test]
    public async Task A_waiting_acquire_gets_the_lock_once_the_holder_releases_it()
    {
        var holder = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero);
        Assert.That(holder, Is.Not.Null);

        var waiting = Task.Run(() => DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.FromSeconds(30)));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.That(waiting.IsCompleted, Is.False, "it waits while the lock is held");

        holder!.Dispose();
        using var acquired = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(acquired, Is.Not.Null);
    }

    [Test]
    public void A_waiting_acquire_gives_up_after_its_wait()
    {
        using var holder = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero);
        Assert.That(holder, Is.Not.Null);

        var clock = Stopwatch.StartNew();
        using var second = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.FromMilliseconds(500));

        Assert.That(second, Is.Null);
        Assert.That(clock.Elapsed, Is.GreaterThan(TimeSpan.FromMilliseconds(400)).And.LessThan(TimeSpan.FromSeconds(15)));
    }
}

/// <summary>The SQLite lock is a flock on a file beside the database; what that means for its holder's process.</summary>
public sealed class SqliteDatabaseLockTests
{
    // Opens the lock file the way another process would and takes the same kind of lock .NET takes
    // for FileShare.None on Unix (flock LOCK_EX), then says so and sleeps until it is killed.
    private const string HoldLockScript = """
        import fcntl, sys, time
        f = open(sys.argv[1], 'a+')
        fcntl.flock(f, fcntl.LOCK_EX)
        print('locked', flush=True)
        time.sleep(600)
        """;

    private TestDatabase database = null!;

    [SetUp]
    public async Task SetUp() => database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);

    [TearDown]
    public async Task TearDown()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public void The_lock_file_lies_beside_the_database_and_stays_after_release()
    {
        var path = DatabaseLock.LockFilePath(database.Settings, DatabaseLock.Migrations);
        Assert.That(path, Is.EqualTo(Path.Combine(database.SqliteFolder!, DatabaseSettings.SqliteFileName + ".migrations.lock")));

        using (var held = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Migrations, TimeSpan.Zero))
        {
            Assert.That(held, Is.Not.Null);
            Assert.That(File.Exists(path), Is.True);
        }

        Assert.That(File.Exists(path), Is.True, "deleting it would let a third process lock a new file while a second waits on the old one");
    }

    [Test]
    public void Cancelling_a_waiting_acquire_stops_the_wait()
    {
        using var holder = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        Assert.That(
            () => DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.FromMinutes(5), cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void A_lock_file_that_cannot_be_opened_fails_at_once_rather_than_waiting_as_if_held()
    {
        var folder = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"));
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "x.db")}");
        var clock = Stopwatch.StartNew();

        Assert.That(
            () => DatabaseLock.TryAcquire(settings, DatabaseLock.Migrations, TimeSpan.FromMinutes(5)),
            Throws.InstanceOf<DirectoryNotFoundException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), "a missing folder is no reason to wait");
        Assert.That(Directory.Exists(folder), Is.False);
    }

    [Test]
    public async Task A_lock_held_by_a_process_killed_with_SIGKILL_is_released()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("flock and SIGKILL are Unix; on Windows the lock is a share mode the system drops with the handle.");
        }

        var python = FindOnPath("python3");
        if (python is null)
        {
            Assert.Ignore("python3 is not on PATH; it plays the other process that holds the lock.");
        }

        var path = DatabaseLock.LockFilePath(database.Settings, DatabaseLock.Batch);
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(HoldLockScript);
        start.ArgumentList.Add(path);

        using var holder = Process.Start(start)!;
        try
        {
            var said = await holder.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(said, Is.EqualTo("locked"));

            using (var whileHeld = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero))
            {
                Assert.That(whileHeld, Is.Null, "another process's flock on the file conflicts with ours");
            }

            // Process.Kill is SIGKILL on Unix: the holder runs no code of its own to unlock.
            holder.Kill();
            await holder.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(holder.ExitCode, Is.EqualTo(128 + 9), "ended by SIGKILL");

            using var afterKill = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Batch, TimeSpan.Zero);
            Assert.That(afterKill, Is.Not.Null, "the system dropped the dead process's lock");
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill();
            }
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
