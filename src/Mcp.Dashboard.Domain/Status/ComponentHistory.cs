namespace Mcp.Dashboard.Domain.Status;

/// <summary>A stretch of time during which a service was in a state other than operational.</summary>
public sealed record ServiceEpisode(ComponentState State, DateTimeOffset From, DateTimeOffset? To);

/// <summary>One day of a service's history bar: the worst state it was in that (UTC) day.</summary>
public sealed record HistoryDay(DateOnly Date, ComponentState State);

/// <summary>
/// The state rules for services ("components" on the status page): a service takes the worst
/// state of what touches it now, and its history bar the worst state of each day.
/// </summary>
public static class ComponentHistory
{
    /// <summary>How long a rollback keeps showing on its service after it finished.</summary>
    public static readonly TimeSpan RolledBackShownFor = TimeSpan.FromHours(24);

    /// <summary>The worst of the states, or Operational for none.</summary>
    public static ComponentState Worst(IEnumerable<ComponentState> states) =>
        states.DefaultIfEmpty(ComponentState.Operational).Max();

    /// <summary>
    /// The last <paramref name="days"/> UTC days up to and including today's, oldest first. Days are
    /// UTC so every reader gets the same cached page; the day's date is shown with the bar.
    /// </summary>
    public static IReadOnlyList<HistoryDay> Bars(IEnumerable<ServiceEpisode> episodes, DateTimeOffset now, int days = 30)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var list = episodes.ToList();
        var bars = new List<HistoryDay>(days);
        for (var offset = days - 1; offset >= 0; offset--)
        {
            var date = today.AddDays(-offset);
            var dayStart = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var dayEnd = dayStart.AddDays(1);
            var touching = list.Where(e => e.From < dayEnd && (e.To ?? now) >= dayStart && e.From <= now);
            bars.Add(new HistoryDay(date, Worst(touching.Select(e => e.State))));
        }

        return bars;
    }
}
