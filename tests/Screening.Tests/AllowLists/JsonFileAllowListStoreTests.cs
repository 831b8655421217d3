using System.Text;
using Screening.AllowLists;

namespace Screening.Tests.Allow;

public sealed class JsonFileAllowListStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "allow-tests-" + Guid.NewGuid().ToString("N"));

    public JsonFileAllowListStoreTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AllowDecision Decision(int i, DateTimeOffset? expires = null) => new()
    {
        CustomerKey = "C-" + i, ListId = "ofac-sdn", EntryId = "46431", EntryContentHash = new string('a', 64), DecidedBy = "j.doe",
        DecidedAt = new DateTimeOffset(2026, 5, 1, 9, 30, 0, TimeSpan.FromHours(2)), Reason = "Different company «Купол»", ExpiresAt = expires,
    };

    [Fact]
    public async Task AddAsync_ThenLoad_RoundTrips()
    {
        var store = new JsonFileAllowListStore(Path.Combine(_dir, "allow.json"));
        Assert.Empty(await store.LoadAsync());
        var a = Decision(1);
        var b = Decision(2, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await store.AddAsync(a);
        await store.AddAsync(b);
        var back = await new JsonFileAllowListStore(store.Path).LoadAsync();
        Assert.Equal([a, b], back);
        Assert.Equal(["allow.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));   // no temporary file left
        Assert.Contains("\"format\": \"screening-allowlist/1\"", await File.ReadAllTextAsync(store.Path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_Concurrent_KeepsEveryDecision()
    {
        var store = new JsonFileAllowListStore(Path.Combine(_dir, "allow.json"));
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => store.AddAsync(Decision(i)))));
        Assert.Equal(20, (await store.LoadAsync()).Select(d => d.CustomerKey).Distinct().Count());
    }

    [Theory]
    [InlineData("""{"decisions":[{"customerKey":"C","listId":"l","entryId":"e","entryContentHash":"HASH","decidedBy":"x","decidedAt":"2026-05-01","reason":"r"}]}""", "decisions[0].entryContentHash: 'HASH' is not a SHA-256")]
    [InlineData("""{"decisions":[{},{"customerKey":"C"}]}""", "decisions[0].customerKey: required field is missing")]
    [InlineData("""{"decisions":[{"customerKey":"C","listId":"l","entryId":"e","entryContentHash":"AHASH","decidedBy":"x","decidedAt":"2026-13-01","reason":"r"}]}""", "decisions[0].decidedAt: '2026-13-01' is not an ISO 8601 date")]
    [InlineData("""{"decisions":{}}""", "decisions: a required array is missing")]
    [InlineData("""{"format":"other/1","decisions":[]}""", "format: expected 'screening-allowlist/1'")]
    [InlineData("""{"decisions":[""", "invalid JSON")]
    public async Task LoadAsync_BadFile_ErrorNamesFileIndexAndField(string json, string expected)
    {
        var path = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(path, json.Replace("AHASH", new string('a', 64), StringComparison.Ordinal), Encoding.UTF8);
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => new JsonFileAllowListStore(path).LoadAsync());
        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAsync_BadDecision_RefusedAndFileUntouched()
    {
        var store = new JsonFileAllowListStore(Path.Combine(_dir, "allow.json"));
        await store.AddAsync(Decision(1));
        var before = await File.ReadAllBytesAsync(store.Path);
        await Assert.ThrowsAsync<InvalidDataException>(() => store.AddAsync(Decision(2) with { ExpiresAt = Decision(2).DecidedAt.AddDays(-1) }));
        Assert.Equal(before, await File.ReadAllBytesAsync(store.Path));
    }
}
