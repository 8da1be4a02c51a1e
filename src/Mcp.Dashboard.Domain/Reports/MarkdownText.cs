using System.Text;

namespace Mcp.Dashboard.Domain.Reports;

/// <summary>
/// Makes text people typed safe to put into Markdown: it reads as the same words and never turns
/// into a link, an image, HTML, a heading, a list or a broken table, whatever it contains.
/// </summary>
/// <remarks>
/// CommonMark lets any ASCII punctuation be escaped with a backslash, so the characters that start
/// markup are escaped. GitHub-flavoured Markdown also links bare <c>http://</c> and <c>www.</c>
/// text and e-mail addresses; escaping the <c>/</c> of <c>://</c>, the dot of <c>www.</c> and
/// the <c>@</c> stops those too. Line breaks become spaces: a reason typed on three lines would
/// otherwise end a table row or start a new block.
/// </remarks>
public static class MarkdownText
{
    // Characters that can start or end inline markup, HTML, entities, links or table cells.
    private const string Escaped = "\\`*_{}[]<>()#!|~&@";

    /// <summary>Escapes <paramref name="text"/> for inline use (a paragraph, a list item, a table cell).</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\t' or '\u2028' or '\u2029')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append(' ');
                continue;
            }

            if (char.IsControl(c))
            {
                continue;
            }

            if (Escaped.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '/' && i >= 1 && text[i - 1] == ':' || c == '/' && i >= 2 && text[i - 1] == '/' && text[i - 2] == ':')
            {
                // "http://" -> "http:\/\/": not an autolink any more.
                builder.Append("\\/");
            }
            else if (c == '.' && i >= 3 && string.Equals(text.Substring(i - 3, 3), "www", StringComparison.OrdinalIgnoreCase))
            {
                builder.Append("\\.");
            }
            else
            {
                builder.Append(c);
            }
        }

        return EscapeLineStart(builder.ToString());
    }

    /// <summary>A table cell: escaped, and never empty, so the row keeps its columns.</summary>
    public static string Cell(string? text) => string.IsNullOrWhiteSpace(text) ? " " : Escape(text.Trim());

    /// <summary>
    /// Text that starts a line must not start a block: "- x", "+ x", "1. x", "= ", "> ".
    /// Our writer puts user text after a label, but a cell or list item may begin with it.
    /// </summary>
    private static string EscapeLineStart(string text)
    {
        var trimmed = text.TrimStart(' ');
        if (trimmed.Length == 0)
        {
            return text;
        }

        var lead = text.Length - trimmed.Length;
        if (trimmed[0] is '-' or '+' or '=')
        {
            return string.Concat(text.AsSpan(0, lead), "\\", trimmed);
        }

        var digits = 0;
        while (digits < trimmed.Length && char.IsAsciiDigit(trimmed[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < trimmed.Length && trimmed[digits] is '.' or ')'
            ? string.Concat(text.AsSpan(0, lead + digits), "\\", trimmed.AsSpan(digits))
            : text;
    }
}
