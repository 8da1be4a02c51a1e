using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class InstantRangeTests
{
    [Fact]
    public void Merge_OverlappingTouchingAndEmptyRanges_GivesSortedDisjointRanges()
    {
        var merged = InstantRange.Merge(
        [
            Range("12:00", "13:00"),
            Range("09:00", "10:00"),
            Range("09:30", "11:00"),
            Range("11:00", "11:30"),
            Range("15:00", "15:00"),
        ]);

        Assert.Equal([Range("09:00", "11:30"), Range("12:00", "13:00")], merged);
    }

    [Fact]
    public void Subtract_BusyRanges_LeavesTheGaps()
    {
        var free = InstantRange.Subtract(
            [Range("08:00", "12:00"), Range("14:00", "18:00")],
            [Range("07:00", "09:00"), Range("10:00", "10:30"), Range("11:30", "14:30"), Range("17:00", "19:00")]);

        Assert.Equal([Range("09:00", "10:00"), Range("10:30", "11:30"), Range("14:30", "17:00")], free);
    }

    [Fact]
    public void Subtract_NothingBusy_LeavesEverything()
    {
        Assert.Equal([Range("08:00", "12:00")], InstantRange.Subtract([Range("08:00", "12:00")], []));
    }

    private static InstantRange Range(string start, string end) =>
        new(Utc($"2026-02-02T{start}:00Z"), Utc($"2026-02-02T{end}:00Z"));
}
