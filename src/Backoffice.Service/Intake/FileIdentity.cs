using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Backoffice.Service.Intake;

/// <summary>What kind of directory entry a name is, as lstat sees it (links are not followed).</summary>
public enum EntryKind
{
    Regular,
    Directory,
    SymbolicLink,
    Fifo,
    Socket,
    CharacterDevice,
    BlockDevice,
    Unknown,
}

/// <summary>
/// One directory entry or open file as the file system describes it: kind, size, modification
/// time and (on Linux) device and inode. Two looks at "the same file" agree on <see cref="Key"/>.
/// </summary>
public readonly record struct FileStatus(EntryKind Kind, long Size, DateTimeOffset ModifiedAt, ulong Device, ulong Inode)
{
    /// <summary>
    /// Identifies one delivered file: a rescan of an unchanged file gives the same key, a new
    /// download of the same name (new inode or new modification time) a different one.
    /// </summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Device:x}:{Inode:x}:{Size}:{ModifiedAt.UtcTicks}");

    public bool SameFileAs(FileStatus other) =>
        Kind == other.Kind && Size == other.Size && ModifiedAt == other.ModifiedAt && Device == other.Device && Inode == other.Inode;
}

/// <summary>
/// The few file-system calls intake needs that .NET does not offer: lstat with the entry's kind and
/// identity, and an open that refuses symbolic links and never blocks on a FIFO. On Linux these are
/// statx(2) and open(2) with O_NOFOLLOW | O_NONBLOCK (statx's layout is the same on every
/// architecture); elsewhere a managed approximation that still refuses links.
/// </summary>
public static partial class FileIdentity
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800;
    private const int OCloExec = 0x80000;
    private const int Enoent = 2;
    private const int Eacces = 13;
    private const int Eloop = 40;
    private const int Enotdir = 20;

    private static readonly bool UseStatx = OperatingSystem.IsLinux();

    // O_NOFOLLOW: 0x20000 on x86 and x64, 0x8000 on Arm (asm-generic and arm).
    private static int ONoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>The entry itself (a link is described, not followed); null when there is no such entry.</summary>
    public static FileStatus? Lstat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!UseStatx)
        {
            return ManagedLstat(path);
        }

        var buffer = new StatxBuffer();
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, ref buffer) == 0)
        {
            return buffer.ToStatus();
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is Enoent or Enotdir ? null : throw Failure(errno, "lstat");
    }

    /// <summary>
    /// Opens a regular file for reading without following a symbolic link in its last component
    /// and without blocking on a FIFO, and says what was opened. Throws
    /// <see cref="FileNotFoundException"/> when the entry is gone, <see cref="UnauthorizedAccessException"/>
    /// when it may not be read, and <see cref="NotARegularFileException"/> when it is a link or
    /// anything but a regular file.
    /// </summary>
    public static (SafeFileHandle Handle, FileStatus Status) OpenRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!UseStatx)
        {
            return ManagedOpen(path);
        }

        var fd = Open(path, ORdOnly | ONoFollow | ONonBlock | OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                Enoent or Enotdir => new FileNotFoundException("The inbox entry is gone."),
                Eacces => new UnauthorizedAccessException("The inbox entry may not be read (permission denied)."),
                Eloop => new NotARegularFileException(EntryKind.SymbolicLink),
                _ => Failure(errno, "open"),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var status = Fstat(handle);
            return status.Kind == EntryKind.Regular ? (handle, status) : throw new NotARegularFileException(status.Kind);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>What an open handle refers to now (size and time change while a writer is busy).</summary>
    public static FileStatus Fstat(SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!UseStatx)
        {
            return new FileStatus(EntryKind.Regular, RandomAccess.GetLength(handle), File.GetLastWriteTimeUtc(handle), 0, 0);
        }

        var buffer = new StatxBuffer();
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (Statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxBasicStats, ref buffer) != 0)
            {
                throw Failure(Marshal.GetLastPInvokeError(), "fstat");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return buffer.ToStatus();
    }

    /// <summary>The device a folder is on, to tell a rename (same device) from a copy (another device).</summary>
    public static ulong DeviceOf(string folder)
    {
        if (!UseStatx)
        {
            return 0;
        }

        // Follows links: a folder configured as a link lives on its target's device.
        var buffer = new StatxBuffer();
        return Statx(AtFdCwd, folder, 0, StatxBasicStats, ref buffer) == 0
            ? buffer.ToStatus().Device
            : throw Failure(Marshal.GetLastPInvokeError(), "stat");
    }

    /// <summary>True when a rename from <paramref name="status"/>'s file into <paramref name="folder"/> stays on one device.</summary>
    public static bool SameDevice(FileStatus status, string folder) => !UseStatx || status.Device == DeviceOf(folder);

    private static IOException Failure(int errno, string call) =>
        new($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno.ToString(CultureInfo.InvariantCulture)})");

    private static FileStatus? ManagedLstat(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path) && info.LinkTarget is null)
        {
            return null;
        }

        var kind = info.LinkTarget is not null ? EntryKind.SymbolicLink
            : info.Attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Directory
            : info.Attributes.HasFlag(FileAttributes.Device) ? EntryKind.CharacterDevice
            : EntryKind.Regular;
        return new FileStatus(kind, kind == EntryKind.Regular ? info.Length : 0, info.LastWriteTimeUtc, 0, 0);
    }

    private static (SafeFileHandle Handle, FileStatus Status) ManagedOpen(string path)
    {
        var before = ManagedLstat(path) ?? throw new FileNotFoundException("The inbox entry is gone.");
        if (before.Kind != EntryKind.Regular)
        {
            throw new NotARegularFileException(before.Kind);
        }

        var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        return (handle, Fstat(handle));
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, ref StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    /// <summary>struct statx (linux/stat.h): 256 bytes, the same layout on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(0x1c)]
        public ushort Mode;

        [FieldOffset(0x20)]
        public ulong Inode;

        [FieldOffset(0x28)]
        public ulong Size;

        [FieldOffset(0x70)]
        public long MtimeSeconds;

        [FieldOffset(0x78)]
        public uint MtimeNanoseconds;

        [FieldOffset(0x88)]
        public uint DevMajor;

        [FieldOffset(0x8c)]
        public uint DevMinor;

        public readonly FileStatus ToStatus()
        {
            var kind = (Mode & 0xF000) switch
            {
                0x8000 => EntryKind.Regular,
                0x4000 => EntryKind.Directory,
                0xA000 => EntryKind.SymbolicLink,
                0x1000 => EntryKind.Fifo,
                0xC000 => EntryKind.Socket,
                0x2000 => EntryKind.CharacterDevice,
                0x6000 => EntryKind.BlockDevice,
                _ => EntryKind.Unknown,
            };
            var modified = DateTimeOffset.UnixEpoch.AddTicks((MtimeSeconds * TimeSpan.TicksPerSecond) + (MtimeNanoseconds / 100));
            return new FileStatus(kind, (long)Size, modified, ((ulong)DevMajor << 32) | DevMinor, Inode);
        }
    }
}

/// <summary>
/// An inbox entry that is not a regular file (a link, a folder, a FIFO, a device): never read. Not an
/// IOException, so the retry policy does not wait for it to become something else.
/// </summary>
public sealed class NotARegularFileException : Exception
{
    public NotARegularFileException()
    {
    }

    public NotARegularFileException(string message)
        : base(message)
    {
    }

    public NotARegularFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NotARegularFileException(EntryKind kind)
        : base($"The inbox entry is a {Describe(kind)}, not a regular file.")
    {
        Kind = kind;
    }

    public EntryKind Kind { get; }

    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.SymbolicLink => "symbolic link",
        EntryKind.Directory => "folder",
        EntryKind.Fifo => "named pipe (FIFO)",
        EntryKind.Socket => "socket",
        EntryKind.CharacterDevice => "character device",
        EntryKind.BlockDevice => "block device",
        EntryKind.Unknown => "special file",
        _ => "regular file",
    };
}
