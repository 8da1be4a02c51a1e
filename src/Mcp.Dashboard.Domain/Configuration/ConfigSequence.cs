using System.Text;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>A YAML list.</summary>
internal sealed class ConfigSequence(IReadOnlyList<ConfigNode> items, long expandedSize, int nesting)
    : ConfigNode(expandedSize, nesting)
{
    public IReadOnlyList<ConfigNode> Items { get; } = items;

    public override void WriteFlowText(StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Items[i].WriteFlowText(text);
        }

        text.Append(']');
    }
}
