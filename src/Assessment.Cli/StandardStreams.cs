using Assessment.Domain;
using System.Runtime.InteropServices;
using System.Text;

namespace Assessment.Cli;

/// <summary>
/// Standard output and standard error, the program's two writers, as <see cref="Cli.Run"/> takes them. On Unix they
/// are UTF-8 writers straight over file descriptors 1 and 2: the first use of <see cref="Console"/> looks up the
/// locale's character set, sets the terminal up and starts a thread for its signals – a twentieth of a cold
/// <c>assess run</c>, which only writes text. Each write is flushed at once, as the console's are (output and errors
/// come in the order written, and nothing waits in a buffer), and a reader that has gone away (<c>assess run | head</c>)
/// or a stream that is not open ends the output quietly, as the console does; standard output that cannot be written
/// (a full disk) is the error every output gives then (<see cref="ErrorKinds.OutputFailed"/>). On Windows: the
/// console's own writers, which write in its code page.
/// </summary>
internal static class StandardStreams
{
    public static int Run(string[] args)
    {
        if (OperatingSystem.IsWindows()) return Cli.Run(args, Console.Out, Console.Error);
        using var stdout = Writer(1);
        using var stderr = Writer(2);
        return Cli.Run(args, stdout, stderr);
    }

    /// <summary>
    /// A writer with a small buffer: lines and messages pass through it, while a whole report, already UTF-8, goes
    /// to the descriptor as it is (<see cref="CommandContext.Write(byte[], string?, string?, Action{DecisionLog}?)"/>).
    /// </summary>
    private static StreamWriter Writer(int descriptor) =>
        new(new Descriptor(descriptor), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1024) { AutoFlush = true };

    /// <summary>An open file descriptor written with write(2): at the descriptor's own offset, shared with whoever else writes there.</summary>
    private sealed class Descriptor(int descriptor) : Stream
    {
        private const int Interrupted = 4; // EINTR
        private const int NotOpen = 9; // EBADF: the stream was closed before the program started (assess run >&-)
        private const int BrokenPipe = 32; // EPIPE

        /// <summary>Nothing reads what is written (the pipe's reader has gone, or the stream was never open): dropped, as the console drops it.</summary>
        private bool _readerGone;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty && !_readerGone)
            {
                var written = write(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
                if (written >= 0)
                {
                    buffer = buffer[(int)written..];
                    continue;
                }
                var error = Marshal.GetLastPInvokeError();
                if (error == Interrupted) continue;
                // Standard error that cannot be written has nowhere to say so: dropped too.
                if (error is BrokenPipe or NotOpen || descriptor != 1) _readerGone = true;
                // Standard output redirected to a full disk, say: said as every output that cannot be written is.
                else throw new InputException(ErrorKinds.OutputFailed, "standard ut", $"kan inte skriva: {SystemMessages.Describe(new IOException(null, error))}");
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush()
        {
        }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        [DllImport("libc", SetLastError = true)]
        private static extern nint write(int descriptor, ref byte buffer, nint count);
    }
}
