using System.Text;

namespace Backoffice.Service.Intake;

/// <summary>What setting a file aside did.</summary>
/// <param name="Path">Where the file is now (or its copy, with Inbox:LeaveFiles).</param>
/// <param name="AlreadyThere">The file was set aside by an earlier run; nothing was copied now.</param>
public sealed record SetAsideResult(string Path, bool AlreadyThere);

/// <summary>
/// Puts a delivered file into processed/ or quarantine/ so that a set-aside folder never holds a
/// partial or overwritten file, whatever happens on the way (a crash, a full disk, another device):
/// the reason file first, then the file itself under its final name only once it is complete
/// (rename on one device; across devices copy to a hidden temporary name, flush, rename), then the
/// inbox copy is removed. Repeating it after a crash finds the finished file and only tidies up.
/// </summary>
public static class SetAside
{
    public const string ReasonSuffix = ".reason.txt";
    private const string PartialSuffix = ".partial";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <param name="source">The inbox file, as it was looked at (<paramref name="status"/>).</param>
    /// <param name="copy">Leave the inbox file in place (Inbox:LeaveFiles) and set aside a copy.</param>
    public static SetAsideResult Put(string source, FileStatus status, string folder, string name, string? note, bool copy)
    {
        ArgumentNullException.ThrowIfNull(source);
        var target = Path.Combine(folder, name);
        if (note is not null)
        {
            WriteAtomically(target + ReasonSuffix, note);
        }

        if (FileIdentity.Lstat(target) is { } there)
        {
            if (there.Kind != EntryKind.Regular || there.Size != status.Size)
            {
                throw new IOException("Something else is in the way of the set-aside name; nothing was overwritten.");
            }

            // An earlier run got the file there (the rename is the last step of a copy, so it is
            // complete) and stopped before removing the inbox copy.
            if (!copy)
            {
                DeleteIfSame(source, status);
            }

            return new SetAsideResult(target, AlreadyThere: true);
        }

        if (!copy && FileIdentity.SameDevice(status, folder))
        {
            // One device: a rename, atomic. overwrite: false never replaces a file that is there.
            File.Move(source, target, overwrite: false);
            return new SetAsideResult(target, AlreadyThere: false);
        }

        CopyComplete(source, status, target);
        if (!copy)
        {
            DeleteIfSame(source, status);
        }

        return new SetAsideResult(target, AlreadyThere: false);
    }

    /// <summary>
    /// Moves a name that was not read (a link, a pipe, a file that cannot be read) into
    /// <paramref name="folder"/> by rename only, never by reading it; null when that is not possible
    /// (another device), and then the entry stays where it is.
    /// </summary>
    public static string? MoveUnread(string source, FileStatus status, string folder, string name, string note)
    {
        if (!FileIdentity.SameDevice(status, folder))
        {
            return null;
        }

        var target = Path.Combine(folder, name);
        WriteAtomically(target + ReasonSuffix, note);
        File.Move(source, target, overwrite: false);
        return target;
    }

    /// <summary>Writes text under a hidden temporary name, flushes it to disk, then renames it into place.</summary>
    public static void WriteAtomically(string path, string text) => WriteAtomically(path, Utf8.GetBytes(text));

    /// <summary>Writes bytes under a hidden temporary name, flushes them to disk, then renames them into place.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (WriteAllAtomically([(path, bytes)])[0] is { } fault)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }
    }

    /// <summary>
    /// Writes a file whose content <paramref name="write"/> produces as it goes (a report streamed
    /// from the database) under a hidden temporary name, flushes it to disk, then renames it into
    /// place; when writing fails, the temporary is removed and nothing is left under the name.
    /// </summary>
    public static void WriteAtomically(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var temporary = TemporaryName(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Writes several files atomically (hidden temporary, flush, rename) with one sync pass for
    /// all of them: every temporary is written first and only then each is flushed to disk
    /// (after the first flush the file system has usually written the others' data already), then
    /// each is renamed into place. Returns, per file in order, null when it is in place or the
    /// fault that kept it out (its temporary removed); one file's fault does not stop the others.
    /// </summary>
    public static Exception?[] WriteAllAtomically(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var faults = new Exception?[files.Count];
        var streams = new FileStream?[files.Count];
        var temporaries = new string[files.Count];
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                temporaries[i] = TemporaryName(files[i].Path);
                faults[i] = Attempt(() =>
                {
                    streams[i] = new FileStream(temporaries[i], FileMode.Create, FileAccess.Write, FileShare.None, 1);
                    streams[i]!.Write(files[i].Bytes);
                });
            }

            for (var i = 0; i < files.Count; i++)
            {
                faults[i] ??= Attempt(() => streams[i]!.Flush(flushToDisk: true));
                faults[i] ??= Attempt(() => streams[i]!.Dispose());
                streams[i] = null;
            }

            for (var i = 0; i < files.Count; i++)
            {
                faults[i] ??= Attempt(() => File.Move(temporaries[i], files[i].Path, overwrite: true));
            }
        }
        finally
        {
            for (var i = 0; i < files.Count; i++)
            {
                if (streams[i] is { } open)
                {
                    Attempt(open.Dispose);
                }

                if (faults[i] is not null && temporaries[i] is { } temporary)
                {
                    TryDelete(temporary);
                }
            }
        }

        return faults;
    }

    private static Exception? Attempt(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex;
        }
    }

    private static void CopyComplete(string source, FileStatus status, string target)
    {
        var temporary = TemporaryName(target);
        try
        {
            var (handle, opened) = FileIdentity.OpenRegular(source);
            using (handle)
            {
                if (!opened.SameFileAs(status))
                {
                    throw new IOException("The inbox file changed before it could be set aside.");
                }

                using var from = new FileStream(handle, FileAccess.Read, 81_920);
                using var to = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81_920);
                from.CopyTo(to);
                to.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: false);
        }
        catch
        {
            // A full disk or a crash of the copy leaves no partial file under a name staff read.
            TryDelete(temporary);
            throw;
        }
    }

    private static void DeleteIfSame(string source, FileStatus status)
    {
        var now = FileIdentity.Lstat(source);
        if (now is { } current && current.SameFileAs(status))
        {
            File.Delete(source);
        }
    }

    private static string TemporaryName(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + PartialSuffix);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: a hidden temporary name is never read as a result.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
