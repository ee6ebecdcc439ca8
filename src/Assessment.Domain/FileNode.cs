using System.Runtime.InteropServices;

namespace Assessment.Domain;

/// <summary>What a path names, as the file system sees it (symbolic links followed).</summary>
public enum FileKind { Missing, Regular, Directory, CharacterDevice, BlockDevice, Fifo, Socket, Other }

/// <summary>
/// A file as the file system knows it – device and inode – so that two paths for one file (a hard link,
/// a bind mount) are seen to be the same file, which comparing paths cannot see.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode);

/// <summary>
/// A path's kind and identity. On Linux from statx(2), whose layout is the same on every architecture; elsewhere
/// (or on a kernel without statx) only what .NET tells – file, folder or missing, with no identity – and
/// callers fall back to comparing paths.
/// </summary>
public readonly record struct FileNode(FileKind Kind, FileIdentity? Identity)
{
    /// <summary>The path's kind and identity, following symbolic links.</summary>
    public static FileNode Of(string path)
    {
        if (OperatingSystem.IsLinux() && Statx(path) is { } node) return node;
        if (Directory.Exists(path)) return new(FileKind.Directory, null);
        return new(File.Exists(path) ? FileKind.Regular : FileKind.Missing, null);
    }

    /// <summary>A pipe or a socket: opening one waits for the other end, which may never come.</summary>
    private bool IsPipe => Kind is FileKind.Fifo or FileKind.Socket;

    /// <summary>The kind in a message: "en namngiven pipe (FIFO)".</summary>
    public string Described => Kind switch
    {
        FileKind.Fifo => "en namngiven pipe (FIFO)",
        FileKind.Socket => "en socket",
        FileKind.BlockDevice => "en blockenhet",
        FileKind.CharacterDevice => "en teckenenhet",
        FileKind.Directory => "en mapp",
        FileKind.Missing => "en fil som inte finns",
        FileKind.Regular => "en fil",
        _ => "en speciell fil",
    };

    /// <summary>
    /// Refused as an input or an output at <paramref name="fullPath"/>: a named pipe or a socket (opening one waits
    /// for the other end, which may never come) other than the process's own standard streams, a block device,
    /// anything else that is no file. Files, folders and character devices (the terminal, /dev/null) are not.
    /// </summary>
    public bool IsRefused(string fullPath) => (IsPipe && !IsStandardStream(fullPath)) || Kind is FileKind.BlockDevice or FileKind.Other;

    /// <summary>
    /// The process's own standard streams under the names the system gives them (/dev/stdin, /dev/stdout,
    /// /dev/fd/1, /proc/self/fd/1): already open, so using them never waits – even when they are pipes.
    /// </summary>
    private static bool IsStandardStream(string fullPath) =>
        fullPath is "/dev/stdin" or "/dev/stdout" or "/dev/stderr"
        || fullPath.StartsWith("/dev/fd/", StringComparison.Ordinal)
        || fullPath.StartsWith("/proc/self/fd/", StringComparison.Ordinal)
        || fullPath.StartsWith($"/proc/{Environment.ProcessId}/fd/", StringComparison.Ordinal);

    /// <summary>
    /// The path with every symbolic link along it resolved (like realpath(3), but for a file that does not
    /// exist yet too), so that two paths are compared as the files they really are.
    /// </summary>
    public static string RealPath(string path) => RealPath(path, 0);

    private static string RealPath(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            try
            {
                var info = new FileInfo(next);
                if (info.LinkTarget is null || info.ResolveLinkTarget(returnFinalTarget: true)?.FullName is not { } target)
                    current = next;
                else // the target's own folders may be links too (as realpath(3) resolves them); 40 as the kernel's ELOOP
                    current = depth < 40 && Path.GetDirectoryName(target) is { } folder
                        ? Path.Combine(RealPath(folder, depth + 1), Path.GetFileName(target))
                        : target;
            }
            catch (IOException)
            {
                current = next; // a link loop: the path as written, opening it will fail
            }
        }
        return current;
    }

    /// <summary>Whether <paramref name="path"/>, its links resolved, lies inside <paramref name="folder"/>, its links resolved.</summary>
    public static bool IsInside(string path, string folder) =>
        RealPath(path).StartsWith(RealPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int StatxSize = 256;

    private static FileNode? Statx(string path)
    {
        var buffer = new byte[StatxSize];
        try
        {
            if (statx(AtFdCwd, path, 0, StatxBasicStats, buffer) != 0)
                return Marshal.GetLastPInvokeError() is 2 or 20 ? new FileNode(FileKind.Missing, null) : null; // ENOENT, ENOTDIR
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        // struct statx: stx_mode (u16) at 28, stx_ino (u64) at 32, stx_dev_major and stx_dev_minor (u32) at 136 and 140.
        var mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        var kind = mode switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Other,
        };
        var device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        return new FileNode(kind, new FileIdentity(device, BitConverter.ToUInt64(buffer, 32)));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
}
