using System.Runtime.InteropServices;

namespace Assessment.Tests;

/// <summary>What .NET has no call for: named pipes and hard links, from libc (Linux; CI runs there).</summary>
public static class Posix
{
    public static bool Available => OperatingSystem.IsLinux();

    /// <summary>Makes a named pipe (FIFO) at <paramref name="path"/>.</summary>
    public static void MakeFifo(string path)
    {
        if (mkfifo(path, 0x1B6) != 0) throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Makes <paramref name="link"/> a second name (a hard link) for the file <paramref name="existing"/>.</summary>
    public static void HardLink(string existing, string link)
    {
        if (Link(existing, link) != 0) throw new IOException($"link {existing} {link}: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>
    /// Runs the command line on a thread of its own and waits at most <paramref name="seconds"/>: a run that
    /// opens a pipe nobody writes to blocks for ever, and the test must fail, not hang.
    /// </summary>
    public static (int Exit, string Out, string Err) RunWithin(int seconds, params string[] args)
    {
        var run = Task.Factory.StartNew(() => Assess.Run(args), TaskCreationOptions.LongRunning);
        run.Wait(TimeSpan.FromSeconds(seconds)).ShouldBeTrue($"assess {string.Join(' ', args)} still running after {seconds} s: blocked on a pipe?");
        return run.Result;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);
}
