namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>Lays out a line-by-line diff of two texts as rows of a two-column view.</summary>
/// <remarks>
/// Works on any text, valid YAML or not. Lines end at <c>\n</c>, <c>\r\n</c> or <c>\r</c>, and the
/// ending is not part of the line, so a file that only switched line endings shows no change.
/// </remarks>
internal static class LineDiff
{
    /// <summary>
    /// Search steps the diff may spend, which keeps the worst case to a fraction of a second. A typical
    /// change (hundreds of lines, dozens of edits) needs tens of thousands; a few hundred edits spread
    /// over thousands of lines needs a few million. Two large, mostly different documents exhaust it
    /// and get the undecided part shown as replaced, which is also all a reviewer could make of them.
    /// </summary>
    public const long WorkBudget = 5_000_000;

    public static IReadOnlyList<SideBySideRow> Compute(string oldText, string newText)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);

        // Diff integers rather than strings: equal lines get equal ids, and comparing ids is cheap.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var (removed, added) = MyersDiff.Compute(Intern(oldLines, ids), Intern(newLines, ids), WorkBudget);

        return Layout(oldLines, newLines, removed, added);
    }

    /// <summary>
    /// Emits unchanged lines as they are and, between them, pairs the removed lines of a change with its
    /// added lines, so an edited line reads across as one Changed row.
    /// </summary>
    private static List<SideBySideRow> Layout(string[] oldLines, string[] newLines, bool[] removed, bool[] added)
    {
        var rows = new List<SideBySideRow>(Math.Max(oldLines.Length, newLines.Length));
        int o = 0, n = 0;
        while (o < oldLines.Length || n < newLines.Length)
        {
            if (o < oldLines.Length && n < newLines.Length && !removed[o] && !added[n])
            {
                rows.Add(new(o + 1, oldLines[o], n + 1, newLines[n], LineChangeKind.Unchanged));
                o++;
                n++;
                continue;
            }

            // Lines outside the common subsequence come in runs that lie between the same two unchanged lines.
            var removedFrom = o;
            while (o < oldLines.Length && removed[o])
            {
                o++;
            }

            var addedFrom = n;
            while (n < newLines.Length && added[n])
            {
                n++;
            }

            for (int r = removedFrom, a = addedFrom; r < o || a < n; r++, a++)
            {
                rows.Add((r < o, a < n) switch
                {
                    (true, true) => new(r + 1, oldLines[r], a + 1, newLines[a], LineChangeKind.Changed),
                    (true, false) => new(r + 1, oldLines[r], null, null, LineChangeKind.Removed),
                    _ => new(null, null, a + 1, newLines[a], LineChangeKind.Added),
                });
            }
        }

        return rows;
    }

    private static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        // Text after the last line break is a line; the break itself does not open an empty one.
        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return [.. lines];
    }

    private static int[] Intern(string[] lines, Dictionary<string, int> ids)
    {
        var result = new int[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (!ids.TryGetValue(lines[i], out var id))
            {
                ids[lines[i]] = id = ids.Count;
            }

            result[i] = id;
        }

        return result;
    }
}
