using System.Diagnostics;
using NUnit.Framework;

namespace Backoffice.Service.Tests;

/// <summary>
/// A small RAM file system of its own, for the tests of a full disk and of a move to another device.
/// Mounting needs root (as on the project's machines and CI); elsewhere the test is skipped with
/// the reason, never silently passed.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    public static TmpfsMount Create(long sizeBytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Needs Linux to mount a tmpfs.");
        }

        var path = Directory.CreateTempSubdirectory("backoffice-tmpfs-").FullName;
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={sizeBytes}", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            Assert.Ignore($"Cannot mount a tmpfs here (needs root): {error.Trim()}");
        }

        return new TmpfsMount(path);
    }

    /// <summary>Fills the file system to the last byte with a filler file; returns its path.</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler.bin");
        using var handle = File.OpenHandle(filler, FileMode.Create, FileAccess.Write);
        long offset = 0;
        foreach (var size in new[] { 64 * 1024, 1 })
        {
            var block = new byte[size];
            try
            {
                while (true)
                {
                    RandomAccess.Write(handle, block, offset);
                    offset += size;
                }
            }
            catch (IOException)
            {
                // ENOSPC: full at this block size; single bytes may still fit the last block.
            }
        }

        return filler;
    }

    public void Resize(long sizeBytes) => Run("mount", "-o", $"remount,size={sizeBytes}", Path);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS's temp clean-up.
        }
    }

    private static (int Code, string Error) Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
