using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Intake;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MessageIntakeStoreTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 9, 15, 30, 123, TimeSpan.FromHours(1));

    private TestDatabase database = null!;
    private MessageIntakeStore intake = null!;
    private MessageContent storedContent = null!;
    private MessageSummaries summaries = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        intake = new MessageIntakeStore(database.Connections);
        storedContent = new MessageContent(database.Connections);
        summaries = new MessageSummaries(database.Connections);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task Receive_stores_the_bytes_exactly_with_hash_source_and_one_delivery()
    {
        using var content = TestContent.Xml();
        var bytes = content.ToArray();

        var receipt = await intake.ReceiveAsync(content, new IntakeSource("inbox", "WMO323_0001.xml", Received), CancellationToken.None);

        Assert.That(receipt.IsDuplicate, Is.False);
        Assert.That(receipt.Sha256, Is.EqualTo(TestContent.Sha256(bytes)));
        Assert.That(receipt.SizeBytes, Is.EqualTo(bytes.Length));
        var summary = await summaries.GetAsync(receipt.MessageId, CancellationToken.None);
        Assert.That(summary, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(summary!.Sha256, Is.EqualTo(receipt.Sha256));
            Assert.That(summary.SizeBytes, Is.EqualTo(bytes.Length));
            Assert.That(summary.Source, Is.EqualTo("inbox"));
            Assert.That(summary.OriginalName, Is.EqualTo("WMO323_0001.xml"));
            Assert.That(summary.ReceivedAt, Is.EqualTo(Received));
            Assert.That(summary.ReceivedAt.Offset, Is.EqualTo(TimeSpan.Zero), "timestamps come back as UTC");
            Assert.That(summary.Status, Is.EqualTo(MessageStatuses.Received));
            Assert.That(summary.DeliveryCount, Is.EqualTo(1));
            Assert.That(summary.Outcome, Is.Null);
        });
        await using var stored = await storedContent.OpenContentAsync(receipt.MessageId, CancellationToken.None);
        Assert.That(await TestContent.ReadAllAsync(stored), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Same_bytes_again_are_one_message_with_a_duplicate_delivery()
    {
        using var first = TestContent.Xml("same");
        using var second = TestContent.Xml("same");

        var original = await intake.ReceiveAsync(first, new IntakeSource("inbox", "a.xml", Received), CancellationToken.None);
        var again = await intake.ReceiveAsync(second, new IntakeSource("ggk", "b.xml", Received.AddMinutes(5)), CancellationToken.None);

        Assert.That(again, Is.EqualTo(original with { DeliveryId = again.DeliveryId, IsDuplicate = true }));
        Assert.That(again.DeliveryId, Is.Not.EqualTo(original.DeliveryId));
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var deliveries = (await connection.QueryAsync<(long Id, string Source, string OriginalName, bool IsDuplicate)>(
            "SELECT id, source, original_name, is_duplicate FROM message_delivery WHERE message_id = @id ORDER BY id",
            new { id = original.MessageId })).ToList();
        Assert.That(deliveries, Is.EqualTo(new[] { (original.DeliveryId, "inbox", "a.xml", false), (again.DeliveryId, "ggk", "b.xml", true) }));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message"), Is.EqualTo(1));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_content"), Is.EqualTo(1), "the bytes are stored once");
    }

    [Test]
    public async Task Different_bytes_are_different_messages()
    {
        using var first = TestContent.Xml("1");
        using var second = TestContent.Xml("2");

        var a = await intake.ReceiveAsync(first, new IntakeSource("inbox", "a.xml", Received), CancellationToken.None);
        var b = await intake.ReceiveAsync(second, new IntakeSource("inbox", "b.xml", Received), CancellationToken.None);

        Assert.That(b.MessageId, Is.Not.EqualTo(a.MessageId));
        Assert.That(b.IsDuplicate, Is.False);
    }

    [Test]
    public async Task Concurrent_deliveries_of_the_same_bytes_resolve_to_one_message_and_duplicates()
    {
        var bytes = TestContent.Xml("race").ToArray();

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var content = new MemoryStream(bytes);
            return await intake.ReceiveAsync(content, new IntakeSource("inbox", $"copy{i}.xml", Received), CancellationToken.None);
        })));

        Assert.That(receipts.Select(r => r.MessageId).Distinct().Count(), Is.EqualTo(1));
        Assert.That(receipts.Count(r => !r.IsDuplicate), Is.EqualTo(1));
        var summary = await summaries.GetAsync(receipts[0].MessageId, CancellationToken.None);
        Assert.That(summary!.DeliveryCount, Is.EqualTo(8));
    }

    [Test]
    public async Task Empty_content_is_stored_as_an_empty_message()
    {
        using var empty = new MemoryStream();

        var receipt = await intake.ReceiveAsync(empty, new IntakeSource("inbox", "empty.xml", Received), CancellationToken.None);

        Assert.That(receipt.SizeBytes, Is.Zero);
        Assert.That(receipt.Sha256, Is.EqualTo(TestContent.Sha256([])));
        await using var stored = await storedContent.OpenContentAsync(receipt.MessageId, CancellationToken.None);
        Assert.That(await TestContent.ReadAllAsync(stored), Is.Empty);
    }

    [Test]
    public async Task Content_is_read_from_the_current_position()
    {
        var bytes = TestContent.Xml().ToArray();
        using var content = new MemoryStream([0xEE, 0xEE, .. bytes]) { Position = 2 };

        var receipt = await intake.ReceiveAsync(content, new IntakeSource("inbox", "offset.xml", Received), CancellationToken.None);

        Assert.That(receipt.Sha256, Is.EqualTo(TestContent.Sha256(bytes)));
        await using var stored = await storedContent.OpenContentAsync(receipt.MessageId, CancellationToken.None);
        Assert.That(await TestContent.ReadAllAsync(stored), Is.EqualTo(bytes));
    }

    [Test]
    public async Task A_30_MB_file_streams_in_and_out_byte_identical_without_memory_growing_with_its_size()
    {
        const long size = 30L * 1024 * 1024;
        var folder = Path.Combine(database.SqliteFolder ?? Path.GetTempPath(), "large-" + Guid.NewGuid().ToString("N"));
        var path = TestContent.WriteLargeFile(folder, size);
        try
        {
            string expectedSha;
            await using (var file = File.OpenRead(path))
            {
                expectedSha = (await TestContent.HashAsync(file)).Sha256;
            }

            // Warm up code paths (JIT, pools) so that the measurement sees only per-byte costs.
            using (var warmUp = TestContent.Xml("warm-up"))
            {
                await intake.ReceiveAsync(warmUp, new IntakeSource("inbox", "warm.xml", Received), CancellationToken.None);
            }

            IntakeReceipt receipt;
            long allocatedIn;
            await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, useAsync: true))
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                receipt = await intake.ReceiveAsync(file, new IntakeSource("inbox", "large.xml", Received), CancellationToken.None);
                allocatedIn = GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            Assert.That(receipt.SizeBytes, Is.EqualTo(size));
            Assert.That(receipt.Sha256, Is.EqualTo(expectedSha));

            long allocatedOut;
            (string Sha256, long Length) readBack;
            {
                var before = GC.GetTotalAllocatedBytes(precise: true);
                await using var stored = await storedContent.OpenContentAsync(receipt.MessageId, CancellationToken.None);
                readBack = await TestContent.HashAsync(stored);
                allocatedOut = GC.GetTotalAllocatedBytes(precise: true) - before;
            }

            TestContext.Out.WriteLine($"{provider}: allocated {allocatedIn:N0} bytes storing and {allocatedOut:N0} bytes reading {size:N0} bytes");
            Assert.Multiple(() =>
            {
                Assert.That(readBack.Length, Is.EqualTo(size));
                Assert.That(readBack.Sha256, Is.EqualTo(expectedSha), "read back byte-identical");
                // A buffered implementation allocates at least the file size; streaming needs a few buffers.
                Assert.That(allocatedIn, Is.LessThan(size / 10), "storing allocated in proportion to the file");
                Assert.That(allocatedOut, Is.LessThan(size / 10), "reading allocated in proportion to the file");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void A_stream_that_cannot_seek_is_refused()
    {
        using var pipe = new NonSeekableStream();

        Assert.That(
            () => intake.ReceiveAsync(pipe, new IntakeSource("inbox", "pipe.xml", Received), CancellationToken.None),
            Throws.ArgumentException);
    }

    [Test]
    public async Task An_overlong_original_name_is_clipped_not_refused()
    {
        using var content = TestContent.Xml();
        var name = new string('n', 1000) + ".xml";

        var receipt = await intake.ReceiveAsync(content, new IntakeSource("inbox", name, Received), CancellationToken.None);

        var summary = await summaries.GetAsync(receipt.MessageId, CancellationToken.None);
        Assert.That(summary!.OriginalName, Is.EqualTo(name[..400]));
    }

    [Test]
    public async Task Cancelling_while_the_bytes_are_stored_leaves_nothing_behind()
    {
        using var cancellation = new CancellationTokenSource();
        var bytes = new byte[1024 * 1024];
        Random.Shared.NextBytes(bytes);
        using var content = new PassAwareStream(bytes, onSecondPassRead: cancellation.Cancel);

        Assert.That(
            () => intake.ReceiveAsync(content, new IntakeSource("inbox", "cancelled.xml", Received), cancellation.Token),
            Throws.InstanceOf<OperationCanceledException>());

        await AssertNothingStoredAsync();
    }

    [Test]
    public async Task Bytes_that_change_between_hashing_and_storing_are_refused_and_nothing_is_stored()
    {
        var bytes = new byte[200_000];
        Random.Shared.NextBytes(bytes);
        using var content = new PassAwareStream(bytes, onSecondPassRead: null, flipOnSecondPass: true);

        Assert.That(
            () => intake.ReceiveAsync(content, new IntakeSource("inbox", "changing.xml", Received), CancellationToken.None),
            Throws.InstanceOf<IOException>());

        await AssertNothingStoredAsync();
    }

    [Test]
    public async Task Find_delivery_returns_the_first_delivery_of_the_same_file_and_null_for_any_other()
    {
        using var first = TestContent.Xml("file");
        using var again = TestContent.Xml("file");
        var original = await intake.ReceiveAsync(first, new IntakeSource("inbox", "a.xml", Received, "dev1:ino7:120:mtime1"), CancellationToken.None);
        var repeat = await intake.ReceiveAsync(again, new IntakeSource("inbox", "a.xml", Received.AddMinutes(1), "dev1:ino7:120:mtime1"), CancellationToken.None);
        Assert.That(repeat.DeliveryId, Is.GreaterThan(original.DeliveryId));

        var found = await intake.FindDeliveryAsync("inbox", "a.xml", "dev1:ino7:120:mtime1", CancellationToken.None);

        Assert.That(found, Is.EqualTo(new KnownDelivery(original.MessageId, original.DeliveryId, original.Sha256, original.SizeBytes, IsDuplicate: false)));
        Assert.Multiple(async () =>
        {
            Assert.That(await intake.FindDeliveryAsync("inbox", "a.xml", "dev1:ino7:120:mtime2", CancellationToken.None), Is.Null, "another file key");
            Assert.That(await intake.FindDeliveryAsync("inbox", "b.xml", "dev1:ino7:120:mtime1", CancellationToken.None), Is.Null, "another name");
            Assert.That(await intake.FindDeliveryAsync("ggk", "a.xml", "dev1:ino7:120:mtime1", CancellationToken.None), Is.Null, "another channel");
        });
    }

    [Test]
    public async Task Find_delivery_of_a_file_whose_bytes_were_known_is_that_duplicate_delivery()
    {
        using var first = TestContent.Xml("shared");
        using var copy = TestContent.Xml("shared");
        var original = await intake.ReceiveAsync(first, new IntakeSource("inbox", "a.xml", Received, "key-a"), CancellationToken.None);
        var duplicate = await intake.ReceiveAsync(copy, new IntakeSource("inbox", "copy.xml", Received, "key-copy"), CancellationToken.None);

        var found = await intake.FindDeliveryAsync("inbox", "copy.xml", "key-copy", CancellationToken.None);

        Assert.That(found, Is.EqualTo(new KnownDelivery(original.MessageId, duplicate.DeliveryId, original.Sha256, original.SizeBytes, IsDuplicate: true)));
    }

    [Test]
    public async Task A_delivery_without_a_file_key_is_never_found_by_one()
    {
        using var content = TestContent.Xml();
        await intake.ReceiveAsync(content, new IntakeSource("ggk", "a.xml", Received), CancellationToken.None);

        Assert.That(await intake.FindDeliveryAsync("ggk", "a.xml", string.Empty, CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_throwing_before_commit_hook_leaves_nothing_stored()
    {
        var calls = 0;
        using var content = TestContent.Xml("refused");

        Assert.That(
            () => intake.ReceiveAsync(content, new IntakeSource("inbox", "changed.xml", Received, "key"), CancellationToken.None, () =>
            {
                calls++;
                throw new IOException("the file changed while it was read");
            }),
            Throws.InstanceOf<IOException>().With.Message.EqualTo("the file changed while it was read"));

        Assert.That(calls, Is.EqualTo(1));
        await AssertNothingStoredAsync();
        Assert.That(await intake.FindDeliveryAsync("inbox", "changed.xml", "key", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_throwing_before_commit_hook_on_a_duplicate_adds_no_delivery()
    {
        using var first = TestContent.Xml("dup");
        using var second = TestContent.Xml("dup");
        var original = await intake.ReceiveAsync(first, new IntakeSource("inbox", "a.xml", Received, "key-a"), CancellationToken.None);

        Assert.That(
            () => intake.ReceiveAsync(second, new IntakeSource("inbox", "b.xml", Received, "key-b"), CancellationToken.None, () => throw new IOException("changed")),
            Throws.InstanceOf<IOException>());

        Assert.That((await summaries.GetAsync(original.MessageId, CancellationToken.None))!.DeliveryCount, Is.EqualTo(1));
        Assert.That(await intake.FindDeliveryAsync("inbox", "b.xml", "key-b", CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task A_before_commit_hook_that_returns_lets_the_delivery_commit()
    {
        var calls = 0;
        using var content = TestContent.Xml("kept");

        var receipt = await intake.ReceiveAsync(content, new IntakeSource("inbox", "kept.xml", Received, "key"), CancellationToken.None, () => calls++);

        Assert.That(calls, Is.EqualTo(1));
        Assert.That((await intake.FindDeliveryAsync("inbox", "kept.xml", "key", CancellationToken.None))!.DeliveryId, Is.EqualTo(receipt.DeliveryId));
    }

    [Test]
    public async Task Read_failures_are_counted_per_file_key_each_on_its_own()
    {
        var attempt = 0;
        async Task<int> FailAsync(string channel, string name, string key) =>
            await intake.RecordReadFailureAsync(channel, name, key, "permission denied", Received.AddMinutes(++attempt), CancellationToken.None);

        Assert.That(await FailAsync("inbox", "a.xml", "key-1"), Is.EqualTo(1));
        Assert.That(await FailAsync("inbox", "a.xml", "key-1"), Is.EqualTo(2));
        Assert.That(await FailAsync("inbox", "a.xml", "key-2"), Is.EqualTo(1), "the file changed: a new file, counted afresh");
        Assert.That(await FailAsync("inbox", "b.xml", "key-1"), Is.EqualTo(1), "another name");
        Assert.That(await FailAsync("ggk", "a.xml", "key-1"), Is.EqualTo(1), "another channel");
        Assert.That(await FailAsync("inbox", "a.xml", "key-1"), Is.EqualTo(3));
        Assert.That(await FailAsync("inbox", "a.xml", "key-2"), Is.EqualTo(2));

        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox_attempt"), Is.EqualTo(4));
    }

    [Test]
    public async Task A_read_failure_keeps_the_first_and_last_time_and_the_last_error_clipped()
    {
        await intake.RecordReadFailureAsync("inbox", "a.xml", "key", "first error", Received, CancellationToken.None);
        await intake.RecordReadFailureAsync("inbox", "a.xml", "key", new string('e', 1000), Received.AddHours(1), CancellationToken.None);

        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var attempts = await connection.ExecuteScalarAsync<long>("SELECT attempts FROM inbox_attempt");
        var lastError = await connection.ExecuteScalarAsync<string>("SELECT last_error FROM inbox_attempt");
        var firstAt = await connection.ExecuteScalarAsync<DateTime>("SELECT first_at FROM inbox_attempt");
        var lastAt = await connection.ExecuteScalarAsync<DateTime>("SELECT last_at FROM inbox_attempt");
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(2));
            Assert.That(lastError, Is.EqualTo(new string('e', 400)));
            Assert.That(firstAt, Is.EqualTo(Received.UtcDateTime));
            Assert.That(lastAt, Is.EqualTo(Received.AddHours(1).UtcDateTime));
        });
    }

    [Test]
    public void An_overlong_file_key_is_a_bug_and_throws()
    {
        using var content = TestContent.Xml();
        var key = new string('k', 101);

        Assert.That(() => intake.ReceiveAsync(content, new IntakeSource("inbox", "a.xml", Received, key), CancellationToken.None), Throws.ArgumentException);
        Assert.That(() => intake.FindDeliveryAsync("inbox", "a.xml", key, CancellationToken.None), Throws.ArgumentException);
        Assert.That(() => intake.RecordReadFailureAsync("inbox", "a.xml", key, "x", Received, CancellationToken.None), Throws.ArgumentException);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message"), Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_content"), Is.Zero);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_delivery"), Is.Zero);
    }

    /// <summary>A file whose reads after the first rewind can cancel the caller or come back altered.</summary>
    private sealed class PassAwareStream(byte[] bytes, Action? onSecondPassRead, bool flipOnSecondPass = false) : MemoryStream(bytes)
    {
        private bool rewound;

        public override long Position
        {
            get => base.Position;
            set
            {
                rewound = true;
                base.Position = value;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Altered(buffer.AsSpan(offset, count), base.Read(buffer, offset, count));

        // MemoryStream's Span and async reads of a derived type end up in Read(byte[]...) or not,
        // depending on the path; routing them all through it alters each read exactly once.
        public override int Read(Span<byte> buffer)
        {
            var array = new byte[buffer.Length];
            var read = Read(array, 0, array.Length);
            array.AsSpan(0, read).CopyTo(buffer);
            return read;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Altered(Span<byte> buffer, int read)
        {
            if (rewound && read > 0)
            {
                onSecondPassRead?.Invoke();
                if (flipOnSecondPass)
                {
                    buffer[0] ^= 0xFF;
                }
            }

            return read;
        }
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
