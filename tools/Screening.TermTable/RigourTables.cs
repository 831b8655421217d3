using YamlDotNet.RepresentationModel;

namespace Screening.TermTable;

/// <summary>The symbol lists of rigour's <c>symbols.yml</c> (and <c>org_types.yml</c>), by <c>section/key</c>, in file order.</summary>
internal static class RigourTables
{
    public static Dictionary<string, List<string>> Read(string folder)
    {
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var path = Path.Combine(folder, "symbols.yml");
        if (!File.Exists(path)) throw new FileNotFoundException($"rigour's symbols.yml is missing: {path}", path);
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        var top = (YamlMappingNode)yaml.Documents[0].RootNode;
        foreach (var (sectionNode, body) in top.Children)
        {
            var section = ((YamlScalarNode)sectionNode).Value!;
            if (body is not YamlMappingNode symbols) continue;
            foreach (var (keyNode, valuesNode) in symbols.Children)
            {
                if (valuesNode is not YamlSequenceNode values) continue;
                var list = new List<string>();
                foreach (var v in values)
                    if (v is YamlScalarNode { Value: { } s } && s.Trim().Length > 0) list.Add(s.Trim());
                lists[section + "/" + ((YamlScalarNode)keyNode).Value] = list;
            }
        }
        return lists;
    }
}
