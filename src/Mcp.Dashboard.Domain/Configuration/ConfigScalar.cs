using System.Text;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>A single value, typed the way YAML 1.2's core schema would type it.</summary>
internal sealed class ConfigScalar(string value, ScalarKind kind) : ConfigNode(expandedSize: 1, nesting: 0)
{
    public string Value { get; } = value;

    public ScalarKind Kind { get; } = kind;

    /// <summary>
    /// Whether two scalars mean the same value. Quoting is not a change (<c>text</c> and <c>"text"</c> agree),
    /// but type is (<c>3</c> and <c>"3"</c> do not), since consumers of the configuration see the difference.
    /// </summary>
    public bool IsEquivalentTo(ConfigScalar other) => Kind == other.Kind && Kind switch
    {
        ScalarKind.Null => true,
        ScalarKind.Boolean => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase),
        _ => string.Equals(Value, other.Value, StringComparison.Ordinal),
    };

    public override void WriteFlowText(StringBuilder text)
    {
        switch (Kind)
        {
            case ScalarKind.Null:
                text.Append("null");
                break;
            case ScalarKind.Boolean:
                text.Append(Value.ToLowerInvariant());
                break;
            case ScalarKind.Integer or ScalarKind.Float:
                text.Append(Value);
                break;
            default:
                WriteQuoted(text, Value);
                break;
        }
    }
}
