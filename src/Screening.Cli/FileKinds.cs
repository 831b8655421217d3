using System.Runtime.InteropServices;

namespace Screening.Cli;

/// <summary>What a path names, without following a symbolic link at its end.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    /// <summary>A character or block device, a FIFO or a socket.</summary>
    Other,
}

/// <summary>
/// Tells a regular file from a device, FIFO or socket, which .NET's file APIs do not: on Linux through statx(2), whose
/// layout is the same on every architecture; elsewhere a path under /dev counts as a device.
/// </summary>
internal static partial class FileKinds
{
    public static FileKind Of(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return FileKind.SymbolicLink;
        if (Directory.Exists(path)) return FileKind.Directory;
        if (!info.Exists) return FileKind.Missing;
        if (OperatingSystem.IsLinux() && TryStatxType(path, out var type))
        {
            return type switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.SymbolicLink,
                _ => FileKind.Other,
            };
        }
        var full = Path.GetFullPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) ? FileKind.Other : FileKind.Regular;
    }

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 28; // stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32)

    // The S_IFMT bits of the path's mode; false when statx is unavailable (an old C library).
    private static unsafe bool TryStatxType(string path, out int type)
    {
        type = 0;
        var buffer = stackalloc byte[256]; // sizeof(struct statx)
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        type = *(ushort*)(buffer + StatxModeOffset) & 0xF000;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int dirfd, string pathname, int flags, uint mask, byte* statxbuf);
}
