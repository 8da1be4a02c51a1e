using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// YAML 1.2's core schema: how a scalar's tag, quoting and text decide its <see cref="ScalarKind"/>.
/// The structural diff relies on it so that <c>3</c> and <c>"3"</c> differ while <c>text</c> and <c>"text"</c> do not.
/// </summary>
internal static partial class CoreSchema
{
    public static ScalarKind Resolve(Scalar scalar)
    {
        if (!scalar.Tag.IsEmpty)
        {
            return scalar.Tag.Value switch
            {
                "tag:yaml.org,2002:null" => ScalarKind.Null,
                "tag:yaml.org,2002:bool" => ScalarKind.Boolean,
                "tag:yaml.org,2002:int" => ScalarKind.Integer,
                "tag:yaml.org,2002:float" => ScalarKind.Float,
                _ => ScalarKind.String,
            };
        }

        // Quoted and block scalars are strings whatever they contain; only plain ones are typed by content.
        if (scalar.Style != ScalarStyle.Plain)
        {
            return ScalarKind.String;
        }

        var text = scalar.Value;
        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
            "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
            _ when Integer().IsMatch(text) => ScalarKind.Integer,
            _ when Float().IsMatch(text) => ScalarKind.Float,
            _ => ScalarKind.String,
        };
    }

    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\z")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))\z")]
    private static partial Regex Float();
}
