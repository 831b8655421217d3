using System.Globalization;
using Screening.Watchlists;
using Screening.Identifiers;

namespace Screening.Cli;

/// <summary>The sub-commands.</summary>
internal enum CommandKind
{
    None,
    Screen,
    Batch,
    Lists,
    Export,
    Rescreen,
}

/// <summary>A command line that cannot be run as written. Exit code 2.</summary>
internal sealed class UsageException(string message, CommandKind command = CommandKind.None) : Exception(message)
{
    public CommandKind Command { get; } = command;
}

/// <summary>
/// The parsed command line. Hand-written so the tool has no dependency beyond the library: options may come before or
/// after positionals, take their value as <c>--opt value</c> or <c>--opt=value</c>, and <c>--</c> ends the options
/// (for a name that starts with a dash).
/// </summary>
internal sealed class Arguments
{
    private sealed record OptionSpec(string Name, bool TakesValue, CommandKind[] Commands);

    private static readonly CommandKind[] All = [CommandKind.Screen, CommandKind.Batch, CommandKind.Lists, CommandKind.Export];

    // The commands that screen names: the filter options apply to them.
    private static readonly CommandKind[] Screens = [CommandKind.Screen, CommandKind.Batch, CommandKind.Rescreen];

    private static readonly OptionSpec[] Options =
    [
        new("list", true, All),
        new("threshold", true, [CommandKind.Screen, CommandKind.Batch, CommandKind.Rescreen]),
        new("limit", true, [CommandKind.Screen, CommandKind.Batch, CommandKind.Rescreen]),
        new("format", true, [CommandKind.Screen, CommandKind.Batch, CommandKind.Rescreen]),
        new("country", true, [CommandKind.Screen]),
        new("type", true, [CommandKind.Screen]),
        new("fail-on-hit", false, [CommandKind.Screen, CommandKind.Batch]),
        new("output", true, [CommandKind.Batch, CommandKind.Export, CommandKind.Rescreen]),
        new("verbose", false, [CommandKind.Lists]),
        new("allow-empty", false, All),
        new("min-entries", true, All),
        new("strict", false, All),
        new("encoding", true, [CommandKind.Batch]),
        new("identifiers", false, [CommandKind.Lists]),
        new("id", true, [CommandKind.Screen]),
        new("customer", true, [CommandKind.Screen]),
        new("only-list", true, Screens),
        new("only-country", true, Screens),
        new("only-program", true, Screens),
        new("only-tag", true, Screens),
        new("only-type", true, Screens),
        new("allow", true, [CommandKind.Screen, CommandKind.Batch, CommandKind.Rescreen]),
        new("audit", true, [CommandKind.Screen, CommandKind.Batch, CommandKind.Rescreen]),
        new("old", true, [CommandKind.Rescreen]),
        new("new", true, [CommandKind.Rescreen]),
    ];

    public CommandKind Command { get; private set; }

    /// <summary><c>--help</c> or <c>-h</c> was given (anywhere): print usage and exit 0.</summary>
    public bool Help { get; private set; }

    /// <summary><c>--version</c> was given.</summary>
    public bool Version { get; private set; }

    /// <summary>The positionals after the command.</summary>
    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>The <c>--list</c> SPECs in the order given.</summary>
    public IReadOnlyList<string> Lists => _lists;

    public string? Output { get; private set; }
    public double? Threshold { get; private set; }
    public int? Limit { get; private set; }

    /// <summary>The output format, lower-case: text or json for screen (default text), csv or jsonl for batch (default jsonl).</summary>
    public string Format { get; private set; } = "";

    public string? Country { get; private set; }
    public EntityType? Type { get; private set; }
    public bool FailOnHit { get; private set; }
    public bool Verbose { get; private set; }

    /// <summary><c>--allow-empty</c>: accept lists that load no entries (fail closed otherwise).</summary>
    public bool AllowEmpty { get; private set; }

    /// <summary><c>--strict</c>: a rejected row, a truncated or a missing file is an error.</summary>
    public bool Strict { get; private set; }

    /// <summary><c>--min-entries N</c>: the floor for every list, when given.</summary>
    public int? MinEntries { get; private set; }

    /// <summary><c>--min-entries LIST=N</c>: floors by list id.</summary>
    public IReadOnlyDictionary<string, int> MinEntriesByList => _minEntriesByList;

    /// <summary><c>--encoding</c> of the batch input: null for strict UTF-8.</summary>
    public System.Text.Encoding? InputEncoding { get; private set; }

    /// <summary><c>lists --identifiers</c>: report every identifier of the lists, classified and validated.</summary>
    public bool ReportIdentifiers { get; private set; }

    /// <summary>The <c>--id TYPE:VALUE</c> identifiers of the party screened, in the order given (screen).</summary>
    public IReadOnlyList<ScreeningIdentifier> Identifiers => _identifiers;

    /// <summary>The customer key (screen): recorded in the result and the audit record, and what the allow-list is applied under; null: none (the allow-list then uses the name's key).</summary>
    public string? Customer { get; private set; }

    /// <summary>The allow-list file (<c>--allow</c>).</summary>
    public string? Allow { get; private set; }

    /// <summary>The audit JSONL file (<c>--audit</c>).</summary>
    public string? Audit { get; private set; }

    /// <summary>
    /// The <c>--only-*</c> options as the screener's filter (<see cref="ScreeningOptions.Filter"/>): each criterion
    /// given must be met by one of its values; null when none was given.
    /// </summary>
    public ScreeningFilter? Filter => _onlyLists.Count + _onlyCountries.Count + _onlyPrograms.Count + _onlyTags.Count + _onlyTypes.Count == 0
        ? null
        : new ScreeningFilter
        {
            Lists = _onlyLists.Count == 0 ? null : _onlyLists,
            Countries = _onlyCountries.Count == 0 ? null : _onlyCountries,
            Programs = _onlyPrograms.Count == 0 ? null : _onlyPrograms,
            Tags = _onlyTags.Count == 0 ? null : _onlyTags,
            EntityTypes = _onlyTypes.Count == 0 ? null : _onlyTypes,
        };

    /// <summary>The old and new list SPECs (rescreen).</summary>
    public string? Old { get; private set; }

    /// <inheritdoc cref="Old"/>
    public string? New { get; private set; }

    /// <summary>The name to screen (screen), or null when only identifiers are given.</summary>
    public string? Name => _positionals.Count > 0 ? _positionals[0] : null;

    /// <summary>The input CSV path, or <c>-</c> for standard input (batch).</summary>
    public string Input => _positionals[0];

    private readonly List<string> _positionals = [];
    private readonly List<string> _lists = [];
    private readonly Dictionary<string, int> _minEntriesByList = new(StringComparer.Ordinal);
    private readonly List<ScreeningIdentifier> _identifiers = [];
    private readonly List<string> _onlyLists = [];
    private readonly List<string> _onlyCountries = [];
    private readonly List<string> _onlyPrograms = [];
    private readonly List<string> _onlyTags = [];
    private readonly List<EntityType> _onlyTypes = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public static string CommandName(CommandKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Parses and validates a command line.</summary>
    /// <exception cref="UsageException">The command line is not valid; the message says why in one line.</exception>
    public static Arguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var a = new Arguments();
        var raw = new List<(string Name, string? Value)>();
        string? command = null;
        var endOfOptions = false;
        // Help wins over any other mistake on the line, so `screening batch --bogus --help` still shows help.
        var dashDash = IndexOf(args, "--");
        for (var i = 0; i < args.Count && (dashDash < 0 || i < dashDash); i++)
            if (args[i] is "-h" or "--help" or "-?") a.Help = true;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i] ?? "";
            if (!endOfOptions && arg == "--") { endOfOptions = true; continue; }
            if (!endOfOptions && arg is "-h" or "--help" or "-?") { a.Help = true; continue; }
            if (!endOfOptions && arg == "--version") { a.Version = true; continue; }
            if (!endOfOptions && arg.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg[2..] : arg[2..eq];
                var spec = Find(name);
                if (spec is null)
                {
                    if (a.Help) continue;
                    throw new UsageException($"unknown option '--{name}'", KindOf(command));
                }
                if (!spec.TakesValue)
                {
                    if (eq >= 0 && !a.Help) throw new UsageException($"option '--{name}' takes no value", KindOf(command));
                    raw.Add((name, null));
                    continue;
                }
                string value;
                if (eq >= 0) value = arg[(eq + 1)..];
                else if (i + 1 < args.Count && !(args[i + 1] ?? "").StartsWith("--", StringComparison.Ordinal)) value = args[++i] ?? "";
                else if (a.Help) continue;
                else throw new UsageException($"option '--{name}' needs a value", KindOf(command));
                raw.Add((name, value));
                continue;
            }
            if (!endOfOptions && arg.Length > 1 && arg[0] == '-' && !IsNumber(arg))
            {
                if (a.Help) continue;
                throw new UsageException($"unknown option '{arg}'", KindOf(command));
            }
            if (command is null) command = arg;
            else a._positionals.Add(arg);
        }

        if (a.Version) return a;
        if (command is null)
        {
            if (a.Help) return a;
            throw new UsageException("no command given; expected screen, batch, rescreen, lists or export");
        }
        a.Command = KindOf(command);
        var isHelp = command.Equals("help", StringComparison.OrdinalIgnoreCase);
        if (a.Command == CommandKind.None && !isHelp && !a.Help)
            throw new UsageException($"unknown command '{command}'; expected screen, batch, rescreen, lists or export");
        if (isHelp)
        {
            // `screening help batch` is `screening batch --help`.
            a.Help = true;
            a.Command = a._positionals.Count > 0 ? KindOf(a._positionals[0]) : CommandKind.None;
            return a;
        }
        if (a.Help) return a;

        foreach (var (name, value) in raw) a.Apply(name, value);
        a.Validate();
        return a;
    }

    private static CommandKind KindOf(string? command) => command?.ToLowerInvariant() switch
    {
        "screen" => CommandKind.Screen,
        "batch" => CommandKind.Batch,
        "lists" => CommandKind.Lists,
        "export" => CommandKind.Export,
        "rescreen" => CommandKind.Rescreen,
        _ => CommandKind.None,
    };

    private static int IndexOf(IReadOnlyList<string> args, string value)
    {
        for (var i = 0; i < args.Count; i++)
            if (args[i] == value) return i;
        return -1;
    }

    private static OptionSpec? Find(string name)
    {
        foreach (var o in Options)
            if (o.Name == name) return o;
        return null;
    }

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private void Apply(string name, string? value)
    {
        var cmd = CommandName(Command);
        var spec = Find(name)!;
        if (Array.IndexOf(spec.Commands, Command) < 0)
            throw new UsageException($"option '--{name}' does not apply to '{cmd}'", Command);
        if (name is not ("list" or "min-entries" or "id") && !name.StartsWith("only-", StringComparison.Ordinal) && !_seen.Add(name))
            throw new UsageException($"option '--{name}' is given more than once", Command);
        if (value is not null && string.IsNullOrWhiteSpace(value))
            throw new UsageException($"option '--{name}' needs a non-empty value", Command);
        switch (name)
        {
            case "list":
                _lists.Add(value!);
                break;
            case "output":
                Output = value;
                break;
            case "threshold":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || !(t > 0 && t <= 1))
                    throw new UsageException($"--threshold must be a number greater than 0 and at most 1 (e.g. 0.85), was '{value}'", Command);
                Threshold = t;
                break;
            case "limit":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    throw new UsageException($"--limit must be a whole number of at least 1, was '{value}'", Command);
                Limit = n;
                break;
            case "format":
                Format = value!.Trim().ToLowerInvariant();
                break;
            case "country":
                Country = value!.Trim();
                break;
            case "type":
                Type = value!.Trim().ToLowerInvariant() switch
                {
                    "organization" => EntityType.Organization,
                    "person" => EntityType.Person,
                    "vessel" => EntityType.Vessel,
                    "aircraft" => EntityType.Aircraft,
                    _ => throw new UsageException($"--type must be organization, person, vessel or aircraft, was '{value}'", Command),
                };
                break;
            case "only-list":
                Add(_onlyLists, value!.Trim());
                break;
            case "only-country":
                var country = value!.Trim();
                if (CountryCodes.TryGetCode(country, out var code)) country = code;
                else if (country.Length == 2 && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1])) country = country.ToUpperInvariant();
                else throw new UsageException($"--only-country must be an ISO 3166 alpha-2 code or a country name, was '{value}'", Command);
                Add(_onlyCountries, country);
                break;
            case "only-program":
                Add(_onlyPrograms, value!.Trim());
                break;
            case "only-tag":
                Add(_onlyTags, value!.Trim());
                break;
            case "only-type":
                var only = value!.Trim().ToLowerInvariant() switch
                {
                    "organization" => EntityType.Organization,
                    "person" => EntityType.Person,
                    "vessel" => EntityType.Vessel,
                    "aircraft" => EntityType.Aircraft,
                    "unknown" => EntityType.Unknown,
                    _ => throw new UsageException($"--only-type must be organization, person, vessel, aircraft or unknown, was '{value}'", Command),
                };
                if (!_onlyTypes.Contains(only)) _onlyTypes.Add(only);
                break;
            case "fail-on-hit":
                FailOnHit = true;
                break;
            case "verbose":
                Verbose = true;
                break;
            case "allow-empty":
                AllowEmpty = true;
                break;
            case "strict":
                Strict = true;
                break;
            case "min-entries":
                ApplyMinEntries(value!);
                break;
            case "encoding":
                if (!CsvSupport.TryParseEncoding(value!, out var encoding))
                    throw new UsageException($"--encoding must be utf-8, latin1 or windows-1252, was '{value}'", Command);
                InputEncoding = CsvSupport.Decoder(encoding);
                break;
            case "identifiers":
                ReportIdentifiers = true;
                break;
            case "id":
                var colon = value!.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || colon == value.Length - 1 || string.IsNullOrWhiteSpace(value[..colon]) || string.IsNullOrWhiteSpace(value[(colon + 1)..]))
                    throw new UsageException($"--id must be TYPE:VALUE (e.g. INN:1831083343, LEI:253400DYLWR5A6YAWJ69), was '{value}'", Command);
                _identifiers.Add(new ScreeningIdentifier(value[..colon].Trim(), value[(colon + 1)..].Trim()));
                break;
            case "customer":
                Customer = value!.Trim();
                break;
            case "allow":
                Allow = value;
                break;
            case "audit":
                Audit = value;
                break;
            case "old":
                Old = value;
                break;
            case "new":
                New = value;
                break;
        }
    }

    // A value given twice counts once (case-insensitively, as the filter compares).
    private static void Add(List<string> values, string value)
    {
        if (!values.Contains(value, StringComparer.OrdinalIgnoreCase)) values.Add(value);
    }

    // N for every list, or LIST=N for one list id.
    private void ApplyMinEntries(string value)
    {
        var eq = value.LastIndexOf('=');
        var listId = eq < 0 ? null : value[..eq].Trim();
        var number = eq < 0 ? value : value[(eq + 1)..];
        if (!int.TryParse(number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || listId is { Length: 0 })
            throw new UsageException($"--min-entries must be N or LIST=N with N a whole number of 0 or more, was '{value}'", Command);
        if (listId is null)
        {
            if (MinEntries is not null) throw new UsageException("--min-entries N (for every list) is given more than once", Command);
            MinEntries = n;
        }
        else if (!_minEntriesByList.TryAdd(listId, n))
        {
            throw new UsageException($"--min-entries for list '{listId}' is given more than once", Command);
        }
    }

    private void Validate()
    {
        switch (Command)
        {
            case CommandKind.Screen:
                if (_positionals.Count == 0 && _identifiers.Count == 0) throw new UsageException("screen needs the NAME to screen (or --id TYPE:VALUE)", Command);
                if (_positionals.Count > 1)
                    throw new UsageException($"screen takes one NAME but got {_positionals.Count} words; quote a name with spaces: screening screen \"{string.Join(' ', _positionals)}\"", Command);
                if (Format.Length == 0) Format = "text";
                if (Format is not ("text" or "json")) throw new UsageException($"--format for screen must be text or json, was '{Format}'", Command);
                break;
            case CommandKind.Batch:
                if (_positionals.Count == 0) throw new UsageException("batch needs the INPUT.csv file (or - for standard input)", Command);
                if (_positionals.Count > 1) throw new UsageException($"batch takes one INPUT file, got {_positionals.Count}: {string.Join(' ', _positionals)}", Command);
                if (Format.Length == 0) Format = "jsonl";
                if (Format is not ("csv" or "jsonl")) throw new UsageException($"--format for batch must be csv or jsonl, was '{Format}'", Command);
                break;
            case CommandKind.Lists:
                if (_positionals.Count > 0) throw new UsageException($"lists takes no argument, got '{_positionals[0]}'; name lists with --list KIND:PATH", Command);
                break;
            case CommandKind.Export:
                if (_positionals.Count > 0) throw new UsageException($"export takes no argument, got '{_positionals[0]}'; name lists with --list KIND:PATH", Command);
                if (Output is null) throw new UsageException("export needs --output FILE.json", Command);
                break;
            case CommandKind.Rescreen:
                if (_positionals.Count == 0) throw new UsageException("rescreen needs the BOOK.csv file (or - for standard input)", Command);
                if (_positionals.Count > 1) throw new UsageException($"rescreen takes one BOOK file, got {_positionals.Count}: {string.Join(' ', _positionals)}", Command);
                if (Old is null || New is null) throw new UsageException("rescreen needs --old SPEC and --new SPEC (two versions of one list)", Command);
                if (Format.Length == 0) Format = "jsonl";
                if (Format is not ("csv" or "jsonl")) throw new UsageException($"--format for rescreen must be csv or jsonl, was '{Format}'", Command);
                break;
        }
    }
}
