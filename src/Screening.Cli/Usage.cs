using Screening.Watchlists;

namespace Screening.Cli;

/// <summary>The help texts.</summary>
internal static class Usage
{
    private static string Kinds => string.Join(", ", WatchlistSpec.Kinds);

    public static string For(CommandKind command) => command switch
    {
        CommandKind.Screen => Screen,
        CommandKind.Batch => Batch,
        CommandKind.Lists => Lists,
        CommandKind.Export => Export,
        CommandKind.Rescreen => Rescreen,
        _ => General,
    };

    private static string ListOption => $"""
          --list KIND:PATH   A watchlist to screen; repeat for several. KIND is one of: {Kinds}.
                             Default: the built-in watchlist embedded in the library.
          --allow-empty      Accept a list that loads no entries (by default that is an error, exit 2).
          --min-entries N    Refuse a list with fewer than N entries; LIST=N sets it for one list id (repeatable).
          --strict           Refuse a list with any rejected row, a file cut short or a missing optional file
                             (by default each is reported on standard error, one line per list).
        """;

    private const string FilterOptions = """
          --only-list ID     Screen only the entries of list ID. Repeatable, as every --only option: an entry
                             passes a criterion when it meets one of its values, and must pass every criterion
                             given. Filters select entries; they never change a score.
          --only-country CC  Only entries of this country (ISO alpha-2 code or name).
          --only-program P   Only entries under this sanctions program (e.g. RUSSIA-EO14024).
          --only-tag TAG     Only entries with this tag (e.g. role:third-country-supplier, sector:electronics).
          --only-type T      Only entries of this type: organization, person, vessel, aircraft or unknown.
                             A list id that is not loaded, or filters that let no entry through, are errors.
        """;

    public static string General => $"""
        screening - sanctions screening of company names with explained matches

        Usage:
          screening screen "NAME" [--list KIND:PATH]... [--threshold T] [--limit N] [--format text|json]
                                  [--country CC] [--type organization|person|vessel|aircraft] [--fail-on-hit]
                                  [--id TYPE:VALUE]... [--customer KEY] [--allow FILE] [--audit FILE] [--only-...]
          screening batch INPUT.csv [--list KIND:PATH]... [--output FILE] [--threshold T] [--limit N]
                                    [--format csv|jsonl] [--encoding utf-8|latin1|windows-1252] [--fail-on-hit]
                                    [--allow FILE] [--audit FILE] [--only-...]
          screening rescreen BOOK.csv --old SPEC --new SPEC [--output FILE] [--format jsonl|csv]
                                      [--threshold T] [--limit N] [--allow FILE] [--audit FILE] [--only-...]
          Filters (screen, batch, rescreen; repeatable): --only-list ID, --only-country CC, --only-program P,
                                      --only-tag TAG, --only-type T
          screening lists [--list KIND:PATH]... [--verbose] [--identifiers]
          screening export [--list KIND:PATH]... --output FILE.json
          Every command also takes --allow-empty, --min-entries [LIST=]N and --strict.

        Commands:
          screen    Screen one name and explain every match.
          batch     Screen every row of a CSV file (columns name, optional id, country and identifiers) on all cores.
          rescreen  Screen a stored book against only what changed between two versions of a list.
          lists     Show the loaded lists: version, publication date, SHA-256, entries and the load report.
          export    Write the loaded lists in the JSON watchlist format.

        {ListOption}

        Exit codes: 0 success (hits or not), 2 usage or input error (an empty list included), 3 a hit with
                    --fail-on-hit, 1 unexpected error, 130 cancelled (Ctrl+C), 143 terminated (SIGTERM),
                    141 standard output closed by its reader (e.g. | head).
        Run 'screening COMMAND --help' for a command's options.
        """;

    public static string Screen => $"""
        Usage: screening screen "NAME" [options]

        Screens one name and prints each match with its score, the matched name and why it matched.

        Options:
        {ListOption}
          --threshold T      Report matches scoring at least T (0 < T <= 1). Default {ScreeningOptions.DefaultThreshold:0.00}.
          --limit N          Report at most N matches. Default 10.
          --format F         text (default) or json (the whole result, for the audit trail).
          --country CC       Country hint (ISO code or name); adjusts scores, never excludes.
          --type T           Entity-type hint: organization, person, vessel or aircraft; adjusts scores, never excludes.
          --fail-on-hit      Exit with code 3 when there is a match the allow-list does not suppress (a match
                             found by identifier alone included).
          --id TYPE:VALUE    An identifier of the party: INN, OGRN, OGRNIP, KPP, USCC, LEI, IMO, BIC, VKN, HK-CR,
                             UAE-TL, or any other type (compared exactly). Repeatable; NAME may then be left out.
                             Each is validated (check digits) and shown; an invalid one is never compared. An exact
                             match on INN, OGRN, OGRNIP, USCC, LEI, IMO, VKN or BIC makes the score at least 0.95
                             (an entry found only so is a match too); the same scheme with another value lowers it
                             (x0.85). A NAME that is itself an identifier (1831083343, "INN 1831083343") counts too.
          --allow FILE       Allow-list of reviewed false positives (JSON, screening-allowlist/1): a decision
                             suppresses its match while the entry is unchanged; every decision found is shown.
          --customer KEY     The customer's key: recorded in the result and the audit record, and the key the
                             allow-list's decisions are looked up under (default there: the normalized name).
          --audit FILE       Append the audit record of the screen (one JSON line) to FILE.
        {FilterOptions}
          -h, --help         Show this help.

        A name starting with '-' goes after '--': screening screen -- "-NAME-".
        """;

    public static string Batch => $"""
        Usage: screening batch INPUT.csv [options]

        Screens every row of INPUT.csv (- reads standard input). The header row must have a 'name' column and may
        have 'id' and 'country' columns (any case); other columns are ignored. UTF-8, with or without a BOM: bytes
        that are not UTF-8 are an error naming the row and byte offset, unless --encoding names the encoding.
        Rows are streamed: memory stays flat on millions of rows, and output keeps the input order.

        Options:
        {ListOption}
          --output FILE      Write the results to FILE (written whole or not at all; a regular file, not a link,
                             device or FIFO). Default: standard output.
          --encoding E       The input's encoding when it has no BOM: utf-8 (default), latin1 or windows-1252.
          --threshold T      Report matches scoring at least T (0 < T <= 1). Default {ScreeningOptions.DefaultThreshold:0.00}.
          --limit N          Report at most N matches per row. Default 10.
          --format F         jsonl (default): one JSON object per input row;
                             csv: one row per match, or one row with empty match fields when there is none.
          --fail-on-hit      Exit with code 3 when any row has a match the allow-list does not suppress.
          --allow FILE       Allow-list of reviewed false positives, keyed by the 'id' column (else the normalized
                             name). JSONL: suppressed matches move to "suppressed", each with its "allowList"
                             decision; CSV: they follow with allow=suppressed and the decision's columns.
                             "hit" counts only what still alerts.
          --audit FILE       Append one audit record (a JSON line) per row to FILE, in input order (rows that
                             could not be screened included, with their error).
        {FilterOptions}
          -h, --help         Show this help.

        Identifiers: an 'id_type' and 'id_value' column pair, and/or one column per scheme (inn, ogrn, ogrnip, kpp,
        uscc, lei, imo, bic, vkn, hk_cr, uae_tl). They are evidence in the row's screen (an exact match on a
        single-entity scheme: score at least 0.95); a row may then have an empty name. JSONL rows get "identifiers"
        (validated) and matches "identifierEvidence"; CSV gets 'identifierEvidence' and 'identifiers' columns.
        A 'threshold' column gives a row its own threshold (empty: --threshold's).

        A row whose name cannot be screened (empty, too long, no letters) is written without matches (JSONL adds an
        "error" field), reported on standard error, and makes the exit code 2 once the whole file is done.
        """;

    public static string Lists => $"""
        Usage: screening lists [--list KIND:PATH]... [--verbose] [--identifiers]

        Loads the lists and prints, for each: id, display name, version, publication date, SHA-256 of the source,
        entry count and the load report (rows read, loaded, rejected, orphans, duplicates, warnings).

        Options:
        {ListOption}
          --verbose          List every load issue with its file, row and field.
          --identifiers      Instead, a Markdown report of every identifier: its scheme, whether it is valid, counts
                             by scheme and source type, and every invalid value with its entry.
          -h, --help         Show this help.
        """;

    public static string Rescreen => $$"""
        Usage: screening rescreen BOOK.csv --old SPEC --new SPEC [options]

        Compares two versions of one list (added, changed and removed entries, by content hash) and screens the book
        (a CSV with a 'name' column and optional 'id' and 'country', as for batch) against the new version restricted
        to the added and changed entries (scores are a full screen's). Writes only the rows with such a match, in
        input order, in the batch format plus the change kind; a summary of the delta goes to standard error.

        Options:
          --old SPEC         The version the book was last screened against (KIND:PATH, as --list).
          --new SPEC         The new version.
          --output FILE      Write the rows to FILE (written whole or not at all). Default: standard output.
          --format F         jsonl (default): {"id","name","hit","matches":[{...,"change":"added"|"changed"}]};
                             csv: one row per match with a 'change' column.
          --threshold T      Report matches scoring at least T (0 < T <= 1). Default {{ScreeningOptions.DefaultThreshold:0.00}}.
          --limit N          Report at most N matches per row (the best among added and changed entries). Default 10.
          --allow FILE       Allow-list of reviewed false positives, keyed by the 'id' column (else the normalized
                             name), as for batch: a decision made on an entry's old content no longer applies.
          --audit FILE       Append one audit record (a JSON line) per book row screened to FILE, in input order.
        {{FilterOptions}}
          -h, --help         Show this help.

        The book may carry identifier columns and a threshold column, as for batch.
        """;

    public static string Export => $"""
        Usage: screening export [--list KIND:PATH]... --output FILE.json

        Loads the lists and writes their entries in the project's JSON watchlist format (screening-watchlist/1).
        Several lists are merged into one document; entry ids become LISTID:ENTRYID and each entry is tagged list-id:LISTID.

        Options:
        {ListOption}
          --output FILE      The JSON file to write (- for standard output). Required.
          -h, --help         Show this help.
        """;
}
