using System.Diagnostics;
using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class FreeWindowFinderTests
{
    private static readonly TimeSpan Runaway = TimeSpan.FromSeconds(30);

    private static readonly Guid UserPlan = Guid.NewGuid();

    private static readonly ServiceDependencyGraph Dependencies = new([("user-service", ["gateway"])]);

    /// <summary>Weekdays 09:00 to 18:00 Berlin time.</summary>
    private static readonly Blackout BerlinOfficeHours = Blackout.Recurring(
        Guid.NewGuid(), "Office hours", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Local("2026-01-05T09:00"), TimeSpan.FromHours(9), "Europe/Berlin");

    private static readonly LocalTimeRange Night = new(new TimeOnly(0, 0), new TimeOnly(6, 0));

    [Fact]
    public void FindFreeWindows_NothingBooked_GivesBackToBackAlignedWindows()
    {
        var windows = Find([], [], Request("2026-02-02T10:07:00Z", TimeSpan.FromHours(2), "UTC"));

        AssertWindows(windows, ("2026-02-02T10:30:00Z", "2026-02-02T12:30:00Z"), ("2026-02-02T12:30:00Z", "2026-02-02T14:30:00Z"), ("2026-02-02T14:30:00Z", "2026-02-02T16:30:00Z"));
    }

    [Fact]
    public void FindFreeWindows_BlackoutsAndBookedWindows_AreSkipped()
    {
        // Monday 08:00 Berlin: one free hour, office hours until 18:00, the gateway upgrade until 22:00.
        var gatewayUpgrade = Booked("gateway", "2026-02-02T17:00:00Z", "2026-02-02T21:00:00Z");

        var windows = Find([BerlinOfficeHours], [gatewayUpgrade], Request("2026-02-02T07:00:00Z", TimeSpan.FromHours(2), "Europe/Berlin"));

        AssertWindows(windows, ("2026-02-02T21:00:00Z", "2026-02-02T23:00:00Z"), ("2026-02-02T23:00:00Z", "2026-02-03T01:00:00Z"), ("2026-02-03T01:00:00Z", "2026-02-03T03:00:00Z"));
        Assert.All(windows, window => Assert.Equal(TimeSpan.FromHours(1), window.Start.Offset));
        Assert.Equal("2026-02-02 22:00 to 2026-02-03 00:00 Europe/Berlin", windows[0].ToString());
    }

    [Fact]
    public void FindFreeWindows_PreferredHours_KeepsWindowsInsideThem()
    {
        var request = Request("2026-02-02T11:00:00Z", TimeSpan.FromHours(2), "Europe/Berlin") with { PreferredHours = [Night], Count = 4 };

        var windows = Find([BerlinOfficeHours], [], request);

        AssertWindows(
            windows,
            ("2026-02-02T23:00:00Z", "2026-02-03T01:00:00Z"),
            ("2026-02-03T01:00:00Z", "2026-02-03T03:00:00Z"),
            ("2026-02-03T03:00:00Z", "2026-02-03T05:00:00Z"),
            ("2026-02-03T23:00:00Z", "2026-02-04T01:00:00Z"));
    }

    [Fact]
    public void FindFreeWindows_BookedWindowInsidePreferredHours_SplitsTheNight()
    {
        // Booked Tuesday 01:00 to 03:00 Berlin: 00:00-01:00 and 05:00-06:00 are too short for two hours.
        var gatewayUpgrade = Booked("gateway", "2026-02-03T00:00:00Z", "2026-02-03T02:00:00Z");
        var request = Request("2026-02-02T11:00:00Z", TimeSpan.FromHours(2), "Europe/Berlin") with { PreferredHours = [Night] };

        var windows = Find([], [gatewayUpgrade], request);

        AssertWindows(windows, ("2026-02-03T02:00:00Z", "2026-02-03T04:00:00Z"), ("2026-02-03T23:00:00Z", "2026-02-04T01:00:00Z"), ("2026-02-04T01:00:00Z", "2026-02-04T03:00:00Z"));
    }

    [Fact]
    public void FindFreeWindows_ConflictsElsewhere_DoNotBlock()
    {
        var stagingFreeze = Blackout.OneOff(Guid.NewGuid(), "Staging freeze", Utc("2026-02-01T00:00:00Z"), Utc("2026-02-09T00:00:00Z"), environment: "staging");
        var stagingUpgrade = Booked("gateway", "2026-02-02T00:00:00Z", "2026-02-03T00:00:00Z") with { Environment = "staging" };
        var unrelatedUpgrade = Booked("reporting", "2026-02-02T00:00:00Z", "2026-02-03T00:00:00Z");

        var windows = Find([stagingFreeze], [stagingUpgrade, unrelatedUpgrade], Request("2026-02-02T00:00:00Z", TimeSpan.FromHours(1), "UTC") with { Count = 1 });

        AssertWindows(windows, ("2026-02-02T00:00:00Z", "2026-02-02T01:00:00Z"));
    }

    [Fact]
    public void FindFreeWindows_PlansOwnWindow_IsNotSuggestedAgain()
    {
        var ownWindow = Booked("user-service", "2026-02-02T00:00:00Z", "2026-02-03T00:00:00Z") with { PlanId = UserPlan };

        var windows = Find([], [ownWindow], Request("2026-02-02T00:00:00Z", TimeSpan.FromHours(1), "UTC") with { Count = 1 });

        AssertWindows(windows, ("2026-02-03T00:00:00Z", "2026-02-03T01:00:00Z"));
    }

    [Fact]
    public void FindFreeWindows_PreferredHoursAcrossMidnight_AllowAWindowAcrossMidnight()
    {
        var lateNight = new LocalTimeRange(new TimeOnly(22, 0), new TimeOnly(2, 0));
        var request = Request("2026-02-02T11:00:00Z", TimeSpan.FromHours(4), "Europe/Berlin") with { PreferredHours = [lateNight], Count = 2 };

        var windows = Find([], [], request);

        AssertWindows(windows, ("2026-02-02T21:00:00Z", "2026-02-03T01:00:00Z"), ("2026-02-03T21:00:00Z", "2026-02-04T01:00:00Z"));
    }

    [Fact]
    public void FindFreeWindows_AdjacentPreferredRanges_JoinIntoOne()
    {
        var evening = new LocalTimeRange(new TimeOnly(22, 0), new TimeOnly(0, 0));
        var request = Request("2026-02-02T11:00:00Z", TimeSpan.FromHours(8), "Europe/Berlin") with { PreferredHours = [evening, Night], Count = 1 };

        var windows = Find([], [], request);

        AssertWindows(windows, ("2026-02-02T21:00:00Z", "2026-02-03T05:00:00Z"));
    }

    [Fact]
    public void FindFreeWindows_SpringForwardNight_HasOneHourLessToOffer()
    {
        // 00:00 to 06:00 Berlin on 2026-03-29 is five real hours: five fit, five and a half do not.
        var fiveHours = Request("2026-03-28T11:00:00Z", TimeSpan.FromHours(5), "Europe/Berlin") with { PreferredHours = [Night], Count = 1 };
        var fiveAndAHalf = fiveHours with { Length = TimeSpan.FromHours(5.5) };

        AssertWindows(Find([], [], fiveHours), ("2026-03-28T23:00:00Z", "2026-03-29T04:00:00Z"));
        AssertWindows(Find([], [], fiveAndAHalf), ("2026-03-29T22:00:00Z", "2026-03-30T03:30:00Z"));
    }

    [Fact]
    public void FindFreeWindows_HorizonReached_GivesFewerThanAskedFor()
    {
        var request = Request("2026-02-02T11:00:00Z", TimeSpan.FromHours(2), "Europe/Berlin") with
        {
            PreferredHours = [Night],
            Horizon = TimeSpan.FromDays(1),
            Count = 5,
        };

        Assert.Equal(3, Find([], [], request).Count);
    }

    [Fact]
    public void FindFreeWindows_AfterABookingEndingOffGrid_StartsOnTheNextGridMark()
    {
        var gatewayUpgrade = Booked("gateway", "2026-02-02T09:00:00Z", "2026-02-02T10:10:00Z");
        var request = Request("2026-02-02T10:00:00Z", TimeSpan.FromHours(1), "UTC") with { Alignment = TimeSpan.FromMinutes(15), Count = 1 };

        AssertWindows(Find([], [gatewayUpgrade], request), ("2026-02-02T10:15:00Z", "2026-02-02T11:15:00Z"));
    }

    [Fact]
    public void FindFreeWindows_ZoneWithQuarterHourOffset_AlignsToItsWallClock()
    {
        // 00:00Z is 05:45 in Kathmandu; the next half hour there is 06:00, 00:15Z.
        var request = Request("2026-02-02T00:00:00Z", TimeSpan.FromHours(1), "Asia/Kathmandu") with { Count = 1 };

        var window = Assert.Single(Find([], [], request));

        Assert.Equal(Utc("2026-02-02T00:15:00Z"), window.Start);
        Assert.Equal(new DateTime(2026, 2, 2, 6, 0, 0), window.Start.DateTime);
    }

    [Fact]
    public void FindFreeWindows_EverythingBusyForAYear_ReturnsNothingQuickly()
    {
        // 23 hours blocked every day: the free hour never fits two hours of work.
        var daily = Blackout.Recurring(Guid.NewGuid(), "Peak", "FREQ=DAILY", Local("2026-01-01T01:00"), TimeSpan.FromHours(23), "UTC");
        var request = Request("2026-02-01T00:00:00Z", TimeSpan.FromHours(2), "UTC") with { Horizon = TimeSpan.FromDays(366) };
        var stopwatch = Stopwatch.StartNew();

        Assert.Empty(Find([daily], [], request));
        // A guard against a runaway (a hang or quadratic blow-up), not a performance measure:
        // speed lives in the benchmarks, and a loaded CI machine must not fail this.
        Assert.True(stopwatch.Elapsed < Runaway, $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void FindFreeWindows_InvalidRequest_ReportsEachField()
    {
        var request = Request("2026-02-02T00:00:00Z", TimeSpan.Zero, "Nowhere/Special") with
        {
            Count = 0,
            Alignment = TimeSpan.FromMinutes(7),
            Horizon = TimeSpan.FromDays(-1),
        };

        var exception = Assert.Throws<ScheduleValidationException>(() => Find([], [], request));

        Assert.Equal(["alignment", "count", "horizon", "length", "timeZone"], exception.Errors.Keys.Order(StringComparer.Ordinal));
    }

    private static FreeWindowRequest Request(string searchFrom, TimeSpan length, string timeZoneId) =>
        new(UserPlan, "prod", ["user-service"], length, Utc(searchFrom), timeZoneId);

    private static BookedWindow Booked(string service, string start, string end) =>
        new(Guid.NewGuid(), Guid.NewGuid(), $"Upgrade {service}", "prod", [service], Utc(start), Utc(end));

    private static IReadOnlyList<FreeWindow> Find(IEnumerable<Blackout> blackouts, IEnumerable<BookedWindow> booked, FreeWindowRequest request) =>
        new FreeWindowFinder(new ScheduleConflictDetector(blackouts, booked, Dependencies)).FindFreeWindows(request);

    private static void AssertWindows(IReadOnlyList<FreeWindow> windows, params (string Start, string End)[] expected)
    {
        Assert.Equal(expected.Select(window => (Utc(window.Start), Utc(window.End))), windows.Select(window => (window.Start, window.End)));
    }
}
