using System.Security.Cryptography;
using Backoffice.Data.Audit;
using Backoffice.Data.Reference;
using Backoffice.Service.Hosting;
using Microsoft.Extensions.Logging;

namespace Backoffice.Service.Reference;

/// <summary>What one import of one file did, with the SHA-256 of the exact bytes read.</summary>
public sealed record ReferenceFileImport(string FileSha256, ReferenceImportResult Result);

/// <summary>
/// One reference file into the store: read the bytes once, hash them, parse and check every row
/// (<see cref="ReferenceCsv"/>), and only when no row is rejected hand the whole batch to
/// <see cref="ReferenceStore.ImportAsync"/>, which applies it in one transaction. The CLI verb calls
/// this; a later upload endpoint calls the same.
/// </summary>
public sealed class ReferenceImporter(ReferenceStore store, TimeProvider time, ILogger<ReferenceImporter> logger)
{
    /// <summary>The largest file taken in (the whole file is held in memory to hash and check it).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Imports <paramref name="path"/> as <paramref name="kind"/>. I/O failures (a missing or unreadable
    /// file, one over <see cref="MaxFileBytes"/>: <see cref="InvalidDataException"/>) and database
    /// failures throw, with nothing applied; a bad file is a result with its rejected rows. Every
    /// import that reads the file is in the audit trail, by <paramref name="by"/> (default: the OS
    /// user through the running command, with no reason).
    /// </summary>
    public async Task<ReferenceFileImport> ImportAsync(ReferenceKind kind, string path, CancellationToken cancellationToken, AuditActor? by = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        by ??= RunningCommand.Person(null, null);
        byte[] content;
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous))
        {
            if (file.Length > MaxFileBytes)
            {
                throw new InvalidDataException($"The file is larger than {MaxFileBytes / (1024 * 1024)} MiB; split it into several files of one kind.");
            }

            content = new byte[file.Length];
            await file.ReadExactlyAsync(content, cancellationToken);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var parsed = ReferenceCsv.Parse(kind, content);
        var what = ReferenceWords.Of(kind);
        if (parsed.Problems.Count > 0)
        {
            logger.LogWarning(
                "Reference import of {Kind} refused: {Rejected} problems in {RowsRead} rows, nothing applied (file {Sha256})",
                what, parsed.Problems.Count, parsed.RowsRead, sha256);
            var refused = new ReferenceImportResult(kind, parsed.RowsRead, 0, 0, 0, null, parsed.Problems);
            await store.RecordAttemptAsync(new ReferenceBatch(kind, sha256, time.GetUtcNow(), []) { By = by }, refused, cancellationToken);
            return new ReferenceFileImport(sha256, refused);
        }

        var result = await store.ImportAsync(new ReferenceBatch(kind, sha256, time.GetUtcNow(), parsed.Rows) { By = by }, cancellationToken);
        if (result.Applied && result.ImportId is null)
        {
            logger.LogInformation("Reference import of {Kind}: {RowsRead} rows, all unchanged; nothing written (file {Sha256})", what, result.RowsRead, sha256);
        }
        else if (result.Applied)
        {
            logger.LogInformation(
                "Reference import of {Kind}: {RowsRead} rows, {VersionsAdded} versions added ({New} new, {Changed} changed), {Unchanged} unchanged, import {ImportId} (file {Sha256})",
                what, result.RowsRead, result.VersionsAdded, result.New, result.Changed, result.Unchanged, result.ImportId, sha256);
        }
        else
        {
            logger.LogWarning(
                "Reference import of {Kind} refused: {Rejected} rows conflict with the stored data, nothing applied (file {Sha256})",
                what, result.Rejected.Count, sha256);
        }

        return new ReferenceFileImport(sha256, result);
    }

    /// <summary>The file of <paramref name="kind"/> in a folder of reference data: <c>municipalities.csv</c>, <c>providers.csv</c>, <c>products.csv</c>, <c>contracts.csv</c>, <c>indications.csv</c>.</summary>
    public static string FileIn(string folder, ReferenceKind kind) => Path.Combine(folder, ReferenceWords.Of(kind) + ".csv");

    /// <summary>
    /// Every kind's file in <paramref name="folder"/> that exists, in the order later kinds need earlier
    /// ones (a contract names a provider and a product, an indication a served municipality), each all or nothing (as <c>import all</c>);
    /// it stops after the first file that is not applied, which is then the last result.
    /// </summary>
    public async Task<IReadOnlyList<ReferenceFileImport>> ImportFolderAsync(string folder, CancellationToken cancellationToken, AuditActor? by = null)
    {
        var results = new List<ReferenceFileImport>();
        foreach (var kind in ReferenceWords.Kinds.Where(k => File.Exists(FileIn(folder, k))))
        {
            var import = await ImportAsync(kind, FileIn(folder, kind), cancellationToken, by);
            results.Add(import);
            if (!import.Result.Applied)
            {
                break;
            }
        }

        return results;
    }
}
