using System.Security.Cryptography;
using System.Text;
using Screening.Watchlists;

namespace Screening.Hosting;

// A SHA-256 over a provider's files, read as bytes and never parsed: equal fingerprints mean a load would read the same
// bytes, so the refresh can be skipped. The path and presence of each file count too, so a file that appears or
// vanishes changes it.
internal static class SourceFingerprint
{
    // One entry per provider; null where the provider has no files or a file could not be read (then it must load).
    public static async Task<IReadOnlyList<string?>> ComputeAsync(IReadOnlyList<IWatchlistProvider> providers, CancellationToken ct)
    {
        var result = new string?[providers.Count];
        for (var i = 0; i < providers.Count; i++)
        {
            if (providers[i] is IWatchlistFileSource { SourceFiles.Count: > 0 } source)
                result[i] = await HashAsync(source.SourceFiles, ct).ConfigureAwait(false);
        }
        return result;
    }

    // Whether every provider has a fingerprint and each equals the one before.
    public static bool AllSame(IReadOnlyList<string?>? before, IReadOnlyList<string?> now)
    {
        if (before is null || before.Count != now.Count) return false;
        for (var i = 0; i < now.Count; i++)
        {
            if (now[i] is null || now[i] != before[i]) return false;
        }
        return true;
    }

    private static async Task<string?> HashAsync(IReadOnlyList<string> files, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file));
            try
            {
                if (!File.Exists(file))
                {
                    sha.AppendData([0]);
                    continue;
                }
                sha.AppendData([1]);
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, buffer.Length, FileOptions.Asynchronous | FileOptions.SequentialScan);
                int n;
                while ((n = await stream.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0) sha.AppendData(buffer, 0, n);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
