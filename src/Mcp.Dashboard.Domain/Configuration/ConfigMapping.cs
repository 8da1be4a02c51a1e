using System.Text;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>A YAML map, keys in document order. Keys are compared as text; the reader rejects duplicates.</summary>
internal sealed class ConfigMapping : ConfigNode
{
    private readonly Dictionary<string, ConfigNode> _byKey;

    public ConfigMapping(IReadOnlyList<KeyValuePair<string, ConfigNode>> entries, long expandedSize, int nesting)
        : base(expandedSize, nesting)
    {
        Entries = entries;
        _byKey = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            _byKey.TryAdd(key, value);
        }
    }

    public IReadOnlyList<KeyValuePair<string, ConfigNode>> Entries { get; }

    public ConfigNode? Find(string key) => _byKey.GetValueOrDefault(key);

    public override void WriteFlowText(StringBuilder text)
    {
        text.Append('{');
        for (var i = 0; i < Entries.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            var (key, value) = Entries[i];
            if (IsPlainKey(key))
            {
                text.Append(key);
            }
            else
            {
                WriteQuoted(text, key);
            }

            text.Append(": ");
            value.WriteFlowText(text);
        }

        text.Append('}');
    }
}
