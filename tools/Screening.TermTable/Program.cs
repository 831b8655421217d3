using Screening.TermTable;

// Writes src/Screening/Normalization/Data/terms.txt from rigour's tables, the hand-kept rules and the listed names.
// Usage: dotnet run --project tools/Screening.TermTable -c Release -- [--rigour DIR] [--data DIR] [--rules FILE] [--out FILE] [--report FILE]
var root = Directory.GetCurrentDirectory();
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
var rigour = Arg("--rigour", Path.Combine(root, "..", "shared", "reference", "rigour"));
var data = Arg("--data", Path.Combine(root, "..", "shared", "data"));
var rules = Arg("--rules", Path.Combine(root, "tools", "Screening.TermTable", "terms.rules.txt"));
var output = Arg("--out", Path.Combine(root, "src", "Screening", "Normalization", "Data", "terms.txt"));
var reportPath = Arg("--report", "");
// --normalize TEXT: how the current table reads a name (for reviewing the table).
if (Arg("--normalize", "") is { Length: > 0 } probe)
{
    foreach (var t in Screening.Normalization.NameNormalizer.Normalize(probe).Tokens)
        Console.WriteLine($"{t.Original}\t{t.Text}\t{t.Key}\t{t.Class}\t{t.Origin}\t{string.Join(' ', t.Parts ?? [])}");
    return 0;
}
try
{
    var result = await TermTableGenerator.GenerateAsync(rigour, data, rules);
    await File.WriteAllTextAsync(output, result.Table);
    if (reportPath.Length > 0) await File.WriteAllTextAsync(reportPath, result.Report);
    Console.WriteLine($"wrote {output}: {result.Summary}");
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
