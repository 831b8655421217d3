using Screening.Watchlists;

namespace Screening.Hosting;

// Watches the folders of the providers' files and calls back on any change to one of those files (written, created,
// deleted or renamed onto). Editors and downloaders replace files by rename, so the folder is watched, not the file.
internal sealed class ListFileWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];

    private ListFileWatcher() { }

    public IReadOnlyList<string> Folders => _watchers.ConvertAll(w => w.Path);

    public static ListFileWatcher Create(IReadOnlyList<IWatchlistProvider> providers, Action<string> changed, Action<string, Exception> failed)
    {
        var watcher = new ListFileWatcher();
        var byFolder = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var p in providers)
        {
            if (p is not IWatchlistFileSource source) continue;
            foreach (var file in source.SourceFiles)
            {
                var folder = Path.GetDirectoryName(file);
                if (folder is null) continue;
                if (!byFolder.TryGetValue(folder, out var names)) byFolder[folder] = names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                names.Add(Path.GetFileName(file));
            }
        }
        foreach (var (folder, names) in byFolder)
        {
            try
            {
                var w = new FileSystemWatcher(folder)
                {
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                    IncludeSubdirectories = false,
                };
                void OnEvent(object? _, FileSystemEventArgs e)
                {
                    if (names.Contains(e.Name ?? "") || (e is RenamedEventArgs r && names.Contains(r.OldName ?? ""))) changed(e.FullPath);
                }
                w.Changed += OnEvent;
                w.Created += OnEvent;
                w.Deleted += OnEvent;
                w.Renamed += OnEvent;
                w.Error += (_, e) => failed(folder, e.GetException());
                w.EnableRaisingEvents = true;
                watcher._watchers.Add(w);
            }
            catch (Exception ex) when (ex is ArgumentException or IOException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                failed(folder, ex);
            }
        }
        return watcher;
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _watchers.Clear();
    }
}
