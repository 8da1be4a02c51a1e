namespace Mcp.Dashboard.Domain.Schedule;

/// <summary>A half-open stretch of time [Start, End), with the set operations free-time search needs.</summary>
internal readonly record struct InstantRange(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    /// <summary>The union of <paramref name="ranges"/> as sorted, disjoint ranges; touching ranges join.</summary>
    public static List<InstantRange> Merge(IEnumerable<InstantRange> ranges)
    {
        var merged = new List<InstantRange>();
        foreach (var range in ranges.Where(range => range.End > range.Start).OrderBy(range => range.Start))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = Later(last.End, range.End) };
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    /// <summary>
    /// The parts of <paramref name="available"/> not covered by <paramref name="busy"/>. Both must
    /// be sorted and disjoint (as <see cref="Merge"/> returns them); one pass over each.
    /// </summary>
    public static List<InstantRange> Subtract(IReadOnlyList<InstantRange> available, IReadOnlyList<InstantRange> busy)
    {
        var free = new List<InstantRange>();
        var next = 0;
        foreach (var range in available)
        {
            while (next < busy.Count && busy[next].End <= range.Start)
            {
                next++;
            }

            var cursor = range.Start;
            for (var i = next; i < busy.Count && busy[i].Start < range.End; i++)
            {
                if (busy[i].Start > cursor)
                {
                    free.Add(new InstantRange(cursor, busy[i].Start));
                }

                cursor = Later(cursor, busy[i].End);
            }

            if (cursor < range.End)
            {
                free.Add(new InstantRange(cursor, range.End));
            }
        }

        return free;
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
