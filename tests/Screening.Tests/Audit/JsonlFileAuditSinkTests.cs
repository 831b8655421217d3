using Screening.Audit;

namespace Screening.Tests.Audit;

public sealed class JsonlFileAuditSinkTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "audit-tests-" + Guid.NewGuid().ToString("N"));

    public JsonlFileAuditSinkTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task WriteAsync_ManyThreadsSmallQueue_EveryRecordOneLine()
    {
        var screener = await ScreeningAuditRecordTests.Build();
        var record = ScreeningAuditRecord.Create(screener, screener.Screen("Kupol"));
        var path = Path.Combine(_dir, "audit.jsonl");
        await using (var sink = new JsonlFileAuditSink(path, capacity: 4))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(async () =>
            {
                for (var i = 0; i < 250; i++) await sink.WriteAsync(record);
            })));
            await sink.FlushAsync();
            Assert.Equal(2000, File.ReadLines(path).Count());
        }
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2000, lines.Length);
        Assert.All(lines, l => Assert.Equal(record.RecordId, ScreeningAuditRecord.FromJson(l).RecordId));
    }

    [Fact]
    public async Task Open_ExistingFile_Appends()
    {
        var screener = await ScreeningAuditRecordTests.Build();
        var record = ScreeningAuditRecord.Create(screener, screener.Screen("Kupol"));
        var path = Path.Combine(_dir, "audit.jsonl");
        for (var run = 0; run < 2; run++)
        {
            await using var sink = new JsonlFileAuditSink(path);
            await sink.WriteAsync(record);
        }
        Assert.Equal(2, (await File.ReadAllLinesAsync(path)).Length);
    }

    [Fact]
    public async Task WriteAsync_AfterDispose_Throws()
    {
        var screener = await ScreeningAuditRecordTests.Build();
        var sink = new JsonlFileAuditSink(Path.Combine(_dir, "a.jsonl"));
        await sink.DisposeAsync();
        await sink.DisposeAsync(); // idempotent
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await sink.WriteAsync(ScreeningAuditRecord.Create(screener, screener.Screen("Kupol"))));
    }

    [Fact]
    public async Task WriteAsync_DiskFull_FailureSurfaces()
    {
        if (!File.Exists("/dev/full")) return; // Linux only: every write to /dev/full fails with ENOSPC
        var screener = await ScreeningAuditRecordTests.Build();
        var record = ScreeningAuditRecord.Create(screener, screener.Screen("Kupol"));
        var sink = new JsonlFileAuditSink("/dev/full");
        await sink.WriteAsync(record);
        var ex = await Assert.ThrowsAsync<IOException>(() => sink.FlushAsync());
        Assert.Contains("/dev/full: writing the audit trail failed", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IOException>(async () => await sink.WriteAsync(record));
        await Assert.ThrowsAsync<IOException>(async () => await sink.DisposeAsync());
    }
}
