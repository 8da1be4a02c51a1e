using YamlDotNet.Core;

namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// Rewords YamlDotNet's parser messages ("While parsing a block mapping, did not find expected key.")
/// into what the person editing the configuration should do about them.
/// </summary>
internal static class YamlSyntaxErrorWording
{
    private static readonly (string Fragment, string Explanation)[] Explanations =
    [
        ("invalid tab", "Tabs can't indent YAML; use spaces instead."),
        ("found invalid mapping", "A 'key: value' pair appears where a plain value was expected; check the indentation, or quote the value if it contains ': '."),
        ("did not find expected key", "Expected a 'key: value' line here; check the indentation, or whether text follows a closing quote."),
        ("did not find expected '-' indicator", "Expected a '- item' here: list items and keys are mixed at the same indentation."),
        ("did not find expected ',' or ']'", "A '[' list is not closed; expected ',' or ']'."),
        ("did not find expected ',' or '}'", "A '{' map is not closed; expected ',' or '}'."),
        ("found unknown escape character", "A double-quoted value has an unknown escape such as '\\q'; use single quotes or escape the backslash as '\\\\'."),
        ("quoted scalar, found unexpected end of stream", "A quoted value is never closed; add the missing quote."),
        ("anchor or alias", "An anchor ('&name') or alias ('*name') needs a name made of letters, digits, '-' or '_'."),
        ("did not find expected node content", "A value is missing or incomplete here."),
        ("incompatible YAML document", "The %YAML directive asks for a YAML version this reader does not support; remove the directive."),
    ];

    public static string Explain(YamlException exception, string yaml)
    {
        var message = exception.Message;

        // A tab where YAML expects indentation produces several different messages; the tab is the real cause.
        var index = exception.Start.Index;
        if (index >= 0 && index < yaml.Length && yaml[(int)index] == '\t')
        {
            return Explanations[0].Explanation;
        }

        if (message.Contains("cannot start any token", StringComparison.Ordinal) && index >= 0 && index < yaml.Length)
        {
            var character = char.IsHighSurrogate(yaml[(int)index]) && index + 1 < yaml.Length
                ? yaml.Substring((int)index, 2)
                : yaml[(int)index].ToString();
            return $"'{character}' can't start a plain value; put the value in quotes.";
        }

        foreach (var (fragment, explanation) in Explanations)
        {
            if (message.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return explanation;
            }
        }

        return $"YAML syntax error: {message}";
    }
}
