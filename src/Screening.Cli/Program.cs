using System.Text;
using Screening.Cli;

using var cts = new CancellationTokenSource();

// A buffered UTF-8 writer (Console.Out flushes on every write, which would dominate a million-line batch) over a
// stream that lets only whole lines through and reports a closed pipe.
var stdoutStream = new LineSafeStream(LineSafeStream.OpenStandardOutput());
var stdout = new StreamWriter(stdoutStream, new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
using var termination = new Termination(cts, stdoutStream);
int code;
try
{
    var settings = new CliSettings(ShowProgress: !Console.IsErrorRedirected, Stdin: Console.OpenStandardInput());
    code = await Cli.RunAsync(args, Console.In, stdout, Console.Error, settings, cts.Token);
}
finally
{
    try
    {
        stdout.Flush();
    }
    catch (IOException)
    {
        // The reader went away (e.g. `| head`); nothing left to tell it.
    }
    termination.Finish();
}
// Cancelled by a signal: 130 for SIGINT, 143 for SIGTERM.
return code == ExitCodes.Cancelled && termination.ExitCode != 0 ? termination.ExitCode : code;
