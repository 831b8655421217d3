using System.Text;
using Screening.Cli;

// Ctrl+C cancels between chunks and exits 130; a second Ctrl+C kills the process.
using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (cts.IsCancellationRequested) return;
    e.Cancel = true;
    cts.Cancel();
};

// A buffered UTF-8 writer: Console.Out flushes on every write, which would dominate a million-line batch.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
try
{
    return await Cli.RunAsync(args, Console.In, stdout, Console.Error, new CliSettings(ShowProgress: !Console.IsErrorRedirected), cts.Token);
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
}
