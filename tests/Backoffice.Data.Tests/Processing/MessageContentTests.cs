using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Processing;

/// <summary>Streaming a message's stored bytes.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MessageContentTests(DatabaseProvider provider) : MessageStoreFixture(provider)
{
    [Test]
    public void An_unknown_id_has_no_content_and_throws_KeyNotFoundException()
    {
        Assert.That(() => Content.OpenContentAsync(424242, CancellationToken.None), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public async Task Disposing_the_content_stream_releases_its_connection()
    {
        var id = await ReceiveAsync();

        // Many more opens than a pool holds (SQL Server's default max pool is 100): a leaked
        // connection per stream would exhaust it.
        for (var i = 0; i < 150; i++)
        {
            await using var stream = await Content.OpenContentAsync(id, CancellationToken.None);
            Assert.That(stream.ReadByte(), Is.EqualTo('<'));
        }
    }

    [Test]
    public async Task Claiming_and_answering_a_30_MB_message_never_touches_its_bytes()
    {
        const long size = 30L * 1024 * 1024;
        var folder = Path.Combine(Database.SqliteFolder ?? Path.GetTempPath(), "large-" + Guid.NewGuid().ToString("N"));
        var path = TestContent.WriteLargeFile(folder, size);
        try
        {
            IntakeReceipt receipt;
            await using (var file = File.OpenRead(path))
            {
                receipt = await IntakeStore.ReceiveAsync(file, new IntakeSource("inbox", "large.bin", T0), CancellationToken.None);
            }

            await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
            if (Provider == DatabaseProvider.Sqlite)
            {
                // An empty write-ahead log, so that afterwards it holds exactly the pages the claim and the outcome wrote.
                var reset = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE);");
                Assert.That(reset.Busy, Is.Zero, "the log could not be reset");
            }

            Assert.That(await ClaimAsync(receipt.MessageId, "a", T0), Is.True);
            Assert.That(await Verdicts.RecordOutcomeAsync(Outcome(receipt.MessageId, [new(3, "TR338", "9338", null, null, null, "no allocation")]), "a", CancellationToken.None), Is.True);

            var id = new { id = receipt.MessageId };
            if (Provider == DatabaseProvider.Sqlite)
            {
                var written = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(PASSIVE);");
                TestContext.Out.WriteLine($"claim + outcome wrote {written.Log} pages to the write-ahead log");
                Assert.Multiple(async () =>
                {
                    // With the bytes in the message row, each UPDATE rewrote the whole record: the claim
                    // alone wrote some 15,000 pages of 4 KB. Now a few pages of message, its index and findings.
                    Assert.That(written.Log, Is.LessThan(32), "pages written by the claim and the outcome");
                    Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pragma_table_info('message') WHERE name = 'content'"), Is.Zero);
                    Assert.That(await connection.ExecuteScalarAsync<long>("SELECT length(content) FROM message_content WHERE message_id = @id", id), Is.EqualTo(size));
                });
            }
            else
            {
                Assert.That(await connection.ExecuteScalarAsync<long?>("SELECT COL_LENGTH('dbo.message', 'content')"), Is.Null);
                Assert.That(await connection.ExecuteScalarAsync<long>("SELECT DATALENGTH(content) FROM message_content WHERE message_id = @id", id), Is.EqualTo(size));
            }

            string expectedSha;
            await using (var file = File.OpenRead(path))
            {
                expectedSha = (await TestContent.HashAsync(file)).Sha256;
            }

            await using var stored = await Content.OpenContentAsync(receipt.MessageId, CancellationToken.None);
            Assert.That(await TestContent.HashAsync(stored), Is.EqualTo((expectedSha, size)), "the bytes read back are those received");
            Assert.That((await Summaries.GetAsync(receipt.MessageId, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Processed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
