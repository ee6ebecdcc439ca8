using System.Diagnostics;
using System.Runtime.InteropServices;
using Assessment.Domain;
using Assessment.Reports;

namespace Assessment.Cli;

/// <summary>
/// <c>assess-full</c>: the same command line (<see cref="Cli.Run"/>) with everything in it. Published natively,
/// <c>assess</c> is the lean program (<see cref="ProgramParts.Lean"/>: no workbench, no Word or Excel) and the same
/// <c>dotnet publish</c> puts <c>assess-full</c> beside it; a command that needs what <c>assess</c> left out –
/// <c>serve</c>, <c>run --format docx|xlsx</c>, <c>merge</c> of a workbook, <c>import --granska</c> – checks its flags
/// and then becomes <c>assess-full</c> with the same words.
/// </summary>
internal static class Companion
{
    public const string ProgramName = "assess-full";

    /// <summary>
    /// Runs <c>assess-full</c> from the program's folder with the same words (<see cref="CommandContext.Arguments"/>):
    /// on Linux and macOS in place of this process (the same process id, so Ctrl+C and a service manager's signals reach
    /// it, and its exit code is this program's), elsewhere as a child whose exit code is returned.
    /// </summary>
    public static int Become(CommandContext context)
    {
        // assess-full is never lean; a build that made it so would otherwise run itself for ever.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == ProgramName)
            throw new InvalidOperationException($"{ProgramName} was published lean: it would hand the command over to itself");
        return Run(AppContext.BaseDirectory, context.Arguments, context.Stdout, context.Stderr);
    }

    /// <summary><see cref="Become"/> from <paramref name="folder"/>; a missing program is <see cref="ErrorKinds.FileMissing"/>.</summary>
    public static int Run(string folder, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var path = Path.Combine(folder, OperatingSystem.IsWindows() ? ProgramName + ".exe" : ProgramName);
        if (!File.Exists(path))
            throw new InputException(ErrorKinds.FileMissing, path,
                $"{ProgramName} saknas: assess har inte arbetsbänken, Word och Excel, {ProgramName} bredvid den har allt; publicera igen med dotnet publish src/Assessment.Cli (README, Kom igång)");
        stdout.Flush();
        stderr.Flush();
        if (OperatingSystem.IsWindows()) return Child(path, args);
        // argv: the program's own path, the words, and a null; each word a C string, never freed (on success this
        // process is gone, and on failure it ends right after).
        IntPtr[] argv = [.. ((string[])[path, .. args]).Select(Marshal.StringToCoTaskMemUTF8), IntPtr.Zero];
        execv(path, argv);
        throw CannotStart(path, Marshal.GetLastPInvokeError());
    }

    private static int Child(string path, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // Ctrl+C reaches both programs: the child stops itself, and this one waits for it.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        Process child;
        try
        {
            child = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw CannotStart(path, e.NativeErrorCode);
        }
        using var _ = child;
        child.WaitForExit();
        return child.ExitCode;
    }

    private static InputException CannotStart(string path, int code) =>
        new(ErrorKinds.FileUnreadable, path, $"{ProgramName} kan inte startas (felkod {code}): kontrollera att filen är körbar");

    [DllImport("libc", SetLastError = true)]
    private static extern int execv([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr[] argv);
}
