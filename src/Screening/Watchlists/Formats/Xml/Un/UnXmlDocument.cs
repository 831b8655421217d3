namespace Screening.Watchlists;

/// <summary>
/// Streams one UN consolidated list document: the root and its <c>dateGenerated</c>, then the <c>INDIVIDUALS</c> and
/// <c>ENTITIES</c> sections, one record at a time (<see cref="UnXmlRecords"/>).
/// </summary>
internal sealed class UnXmlDocument(XmlListReader xml, WatchlistAccumulator load)
{
    private readonly UnXmlRecords _records = new(load, Path.GetFileName(xml.File));
    private bool _sawSection;

    /// <summary>Reads the document into the load.</summary>
    public async Task<XmlListIdentity> ReadAsync(CancellationToken ct)
    {
        await xml.ReadRootAsync("CONSOLIDATED_LIST", "a UN consolidated list").ConfigureAwait(false);
        var r = xml.Reader;
        var rootLine = xml.Line;
        var generated = r.GetAttribute("dateGenerated");
        var published = XmlListReader.ParseDate(generated);
        if (published is null)
            load.Warn(rootLine, "CONSOLIDATED_LIST/@dateGenerated",
                generated is null ? "no dateGenerated attribute; the list has no publication date" : $"'{generated}' is not a date; the list has no publication date");

        await xml.ReadChildrenAsync(async _ =>
        {
            var section = r.LocalName;
            var item = section switch { "INDIVIDUALS" => "INDIVIDUAL", "ENTITIES" => "ENTITY", _ => null };
            if (item is null)
            {
                await xml.SkipAsync().ConfigureAwait(false);
                return;
            }
            _sawSection = true;
            await ReadSectionAsync(section, item, ct).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

        if (!_sawSection)
            throw new WatchlistFormatException(xml.File, rootLine, "CONSOLIDATED_LIST", "the document has neither 'INDIVIDUALS' nor 'ENTITIES'");
        return new XmlListIdentity(UnConsolidatedXmlProvider.ListId, "UN Security Council Consolidated List", published);
    }

    private Task ReadSectionAsync(string section, string item, CancellationToken ct) =>
        xml.ReadChildrenAsync(async line =>
        {
            var r = xml.Reader;
            if (r.LocalName != item)
            {
                load.Warn(line, r.Name, $"unexpected element in '{section}' skipped");
                await xml.SkipAsync().ConfigureAwait(false);
                return;
            }
            load.CountRow();
            _records.Read(await xml.ReadElementAsync(ct).ConfigureAwait(false), line, item == "INDIVIDUAL");
        }, ct);
}
