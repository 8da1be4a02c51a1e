using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// A value in a configuration document, read by <see cref="YamlDocumentReader"/>. Aliases point at the
/// node they name rather than copying it, so sizes here are the sizes the document would have expanded.
/// </summary>
internal abstract partial class ConfigNode
{
    protected ConfigNode(long expandedSize, int nesting)
    {
        ExpandedSize = expandedSize;
        Nesting = nesting;
    }

    /// <summary>How many nodes this value stands for with its aliases expanded, itself included.</summary>
    public long ExpandedSize { get; }

    /// <summary>How many levels of lists and maps this value holds: 0 for a scalar.</summary>
    public int Nesting { get; }

    /// <summary>The value on one line in YAML flow style, strings quoted: <c>{type: "file", path: "/var/log"}</c>.</summary>
    public string ToFlowText()
    {
        var text = new StringBuilder();
        WriteFlowText(text);
        return text.ToString();
    }

    public abstract void WriteFlowText(StringBuilder text);

    /// <summary>Double-quotes a string JSON-style, escaping only what must be, so non-ASCII text stays readable.</summary>
    public static void WriteQuoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    text.Append('\\').Append(c);
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case var control when char.IsControl(control):
                    text.Append(CultureInfo.InvariantCulture, $"\\u{(int)control:x4}");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
    }

    /// <summary>Keys that read unambiguously without quotes, in flow text and in key paths alike.</summary>
    public static bool IsPlainKey(string key) => PlainKey().IsMatch(key);

    [GeneratedRegex(@"^[\p{L}\p{N}_][\p{L}\p{N}_\-/]*\z")]
    private static partial Regex PlainKey();
}
