using System.Xml.Linq;

namespace Screening.Watchlists;

/// <summary>
/// Streams one enhanced XML document: the root, <c>publicationInfo</c> (date and list), <c>referenceValues</c>, and
/// the <c>entities</c>, one at a time (<see cref="OfacXmlEntity"/>); then tells which list it was.
/// </summary>
internal sealed class OfacXmlDocument(XmlListReader xml, WatchlistAccumulator load)
{
    private OfacXmlContext _x = new(XNamespace.None, load); // replaced once the root gives the namespace
    private DateTimeOffset? _published;
    private string? _filterList;
    private bool _sawEntities;

    private string File => xml.File;

    /// <summary>Reads the document into the load.</summary>
    public async Task<XmlListIdentity> ReadAsync(CancellationToken ct)
    {
        var ns = await xml.ReadRootAsync("sanctionsData", "an OFAC enhanced XML document").ConfigureAwait(false);
        _x = new OfacXmlContext(ns, load);
        if (ns != OfacEnhancedXmlProvider.Namespace)
            load.Warn(xml.Line, "sanctionsData", $"unexpected namespace '{ns}'; read as OFAC enhanced XML");

        await xml.ReadChildrenAsync(async line =>
        {
            var r = xml.Reader;
            if (r.NamespaceURI != ns)
            {
                await xml.SkipAsync().ConfigureAwait(false);
                return;
            }
            switch (r.LocalName)
            {
                case "publicationInfo":
                    ReadPublicationInfo(await xml.ReadElementAsync(ct).ConfigureAwait(false), line);
                    break;
                case "referenceValues":
                    await xml.ReadChildrenAsync(async _ =>
                    {
                        if (xml.Reader.LocalName == "referenceValue") _x.AddReference(await xml.ReadElementAsync(ct).ConfigureAwait(false));
                        else await xml.SkipAsync().ConfigureAwait(false);
                    }, ct).ConfigureAwait(false);
                    break;
                case "entities":
                    _sawEntities = true;
                    await ReadEntitiesAsync(ns, ct).ConfigureAwait(false);
                    break;
                default:
                    await xml.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }, ct).ConfigureAwait(false);

        if (!_sawEntities)
            throw new WatchlistFormatException(File, 0, "entities", "the document has no 'entities' element");

        var (id, name) = ListIdentity();
        return new XmlListIdentity(id, name, _published);
    }

    private Task ReadEntitiesAsync(string ns, CancellationToken ct) =>
        xml.ReadChildrenAsync(async entityLine =>
        {
            if (xml.Reader.LocalName != "entity" || xml.Reader.NamespaceURI != ns)
            {
                load.Warn(entityLine, xml.Reader.Name, "unexpected element in 'entities' skipped");
                await xml.SkipAsync().ConfigureAwait(false);
                return;
            }
            load.CountRow();
            OfacXmlEntity.Read(await xml.ReadElementAsync(ct).ConfigureAwait(false), entityLine, _x);
        }, ct);

    // The list id follows publicationInfo/filters, else the file name.
    private (string Id, string Name) ListIdentity()
    {
        var filter = _filterList?.ToUpperInvariant();
        var fileName = Path.GetFileName(File).ToUpperInvariant();
        if (filter == "SDN LIST" || (filter is null && fileName.Contains("SDN_ENHANCED", StringComparison.Ordinal)))
            return ("ofac-sdn-xml", "OFAC SDN List (enhanced XML)");
        if (filter == "CONSOLIDATED LIST" || (filter is null && fileName.Contains("CONS_ENHANCED", StringComparison.Ordinal)))
            return ("ofac-cons-xml", "OFAC Consolidated (non-SDN) List (enhanced XML)");
        return ("ofac-xml", _filterList is null ? "OFAC sanctions list (enhanced XML)" : $"OFAC {_filterList} (enhanced XML)");
    }

    private void ReadPublicationInfo(XElement info, long line)
    {
        var asOf = _x.Text(info, "dataAsOf");
        _published = XmlListReader.ParseDate(asOf);
        if (asOf is not null && _published is null)
            load.Warn(line, "publicationInfo/dataAsOf", $"'{asOf}' is not a date; the list has no publication date");
        var ns = _x.Ns;
        var lists = info.Element(ns + "filters")?.Element(ns + "sanctionsLists")?.Elements(ns + "sanctionsList").ToList();
        if (lists is { Count: 1 }) _filterList = XmlListReader.Clean(lists[0].Value);
    }
}
