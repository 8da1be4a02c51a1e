using System.Text;
using System.Text.RegularExpressions;

namespace Mcp.Dashboard.Domain.Communication;

/// <summary>
/// Renders a message template: each <c>{name}</c> of a known placeholder becomes its value, in
/// one pass, so a value that itself contains braces is never expanded again. Braces around
/// anything that is not a lowercase word stay as written (a JSON example in a note, say).
/// </summary>
public static partial class MessageTemplate
{
    public const int MaxLength = 2000;

    [GeneratedRegex(@"\{([a-z][a-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();

    /// <summary>The template with every placeholder replaced; a placeholder without a value becomes empty.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        return PlaceholderPattern().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value) ? value
            : MessagePlaceholders.IsKnown(match.Groups[1].Value) ? ""
            : match.Value);
    }

    /// <summary>The placeholders the template uses that do not exist, each once, in order of appearance.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string? template) =>
        string.IsNullOrEmpty(template)
            ? []
            : PlaceholderPattern().Matches(template).Select(m => m.Groups[1].Value).Where(n => !MessagePlaceholders.IsKnown(n)).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The sentence a validator shows next to the field, or null when the template is fine.</summary>
    public static string? Problem(string? template)
    {
        if (template is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(template))
        {
            return "Write the message, or reset it to the default.";
        }

        if (template.Length > MaxLength)
        {
            return $"At most {MaxLength} characters.";
        }

        var unknown = UnknownPlaceholders(template);
        if (unknown.Count == 0)
        {
            return null;
        }

        var names = new StringBuilder();
        foreach (var name in unknown)
        {
            names.Append(names.Length == 0 ? "" : ", ").Append('{').Append(name).Append('}');
        }

        return $"Unknown placeholder{(unknown.Count == 1 ? "" : "s")} {names}. Use one of: {string.Join(", ", MessagePlaceholders.All.Select(p => "{" + p.Name + "}"))}.";
    }
}
