using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class ScheduleConflictDetectorTests
{
    private static readonly Guid UserPlan = Guid.NewGuid();
    private static readonly Guid GatewayPlan = Guid.NewGuid();
    private static readonly Guid GatewayWindow = Guid.NewGuid();

    private static readonly ServiceDependencyGraph Dependencies = new(
    [
        ("user-service", ["gateway"]),
        ("gateway", ["auth"]),
    ]);

    /// <summary>Plan 'Gateway 1.4' upgrades the gateway in prod on 2026-02-02, 10:00 to 12:00 Berlin time.</summary>
    private static readonly BookedWindow GatewayUpgrade = new(
        GatewayWindow,
        GatewayPlan,
        "Gateway 1.4",
        "prod",
        ["gateway"],
        Utc("2026-02-02T09:00:00Z"),
        Utc("2026-02-02T11:00:00Z"),
        "Europe/Berlin");

    [Fact]
    public void FindConflicts_WindowOfPlanTouchingADependency_ConflictsAndSaysWhy()
    {
        var detector = new ScheduleConflictDetector([], [GatewayUpgrade], Dependencies);

        var conflict = Assert.Single(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z")));

        Assert.Equal(ScheduleConflictKind.Window, conflict.Kind);
        Assert.Equal(GatewayWindow, conflict.ConflictingId);
        Assert.Equal("Gateway 1.4", conflict.Name);
        Assert.Equal(GatewayUpgrade.Start, conflict.Start);
        Assert.Equal(GatewayUpgrade.End, conflict.End);
        Assert.Equal(
            "overlaps window of plan 'Gateway 1.4' (2026-02-02 10:00 to 12:00 Europe/Berlin) which also touches gateway, a dependency of user-service",
            conflict.Description);
    }

    [Fact]
    public void FindConflicts_WindowTouchingATransitiveDependent_Conflicts()
    {
        var authUpgrade = GatewayUpgrade with { Services = ["auth"], PlanName = "Auth 2.0" };
        var detector = new ScheduleConflictDetector([], [authUpgrade], Dependencies);

        var conflict = Assert.Single(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z")));

        Assert.EndsWith("which also touches auth, a dependency of user-service via gateway", conflict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FindConflicts_OtherPlanDependingOnTheCandidate_Conflicts()
    {
        var userUpgrade = GatewayUpgrade with { Services = ["user-service"], PlanName = "Users 3.1" };
        var candidate = new CandidateWindow(UserPlan, "prod", ["auth"], Utc("2026-02-02T10:00:00Z"), Utc("2026-02-02T12:00:00Z"));
        var detector = new ScheduleConflictDetector([], [userUpgrade], Dependencies);

        var conflict = Assert.Single(detector.FindConflicts(candidate));

        Assert.EndsWith("which also touches user-service, which depends on auth via gateway", conflict.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void FindConflicts_RelatedWindowInAnotherEnvironment_DoesNotConflict()
    {
        var detector = new ScheduleConflictDetector([], [GatewayUpgrade with { Environment = "staging" }], Dependencies);

        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z")));
    }

    [Fact]
    public void FindConflicts_OverlappingWindowOfTheSamePlan_Conflicts_ButAWindowNeverConflictsWithItself()
    {
        var own = GatewayUpgrade with { PlanId = UserPlan };
        var detector = new ScheduleConflictDetector([], [own], Dependencies);

        var conflict = Assert.Single(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z")));
        Assert.Contains("this plan's own window", conflict.Description);
        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z") with { WindowId = own.WindowId }));
    }

    [Fact]
    public void FindConflicts_BackToBackWindows_DoNotConflict()
    {
        var detector = new ScheduleConflictDetector([], [GatewayUpgrade], Dependencies);

        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-02T11:00:00Z", "2026-02-02T13:00:00Z")));
        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-02T07:00:00Z", "2026-02-02T09:00:00Z")));
    }

    [Fact]
    public void FindConflicts_OverlappingWindowOnUnrelatedServices_DoesNotConflict()
    {
        var detector = new ScheduleConflictDetector([], [GatewayUpgrade with { Services = ["reporting"] }], Dependencies);

        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z")));
    }

    [Fact]
    public void FindConflicts_OneOffBlackout_ConflictsWithItsDescription()
    {
        var freezeId = Guid.NewGuid();
        var freeze = Blackout.OneOff(freezeId, "Singles Day freeze", Utc("2026-11-09T16:00:00Z"), Utc("2026-11-11T16:00:00Z"), "Asia/Shanghai");
        var detector = new ScheduleConflictDetector([freeze], [], Dependencies);

        var conflict = Assert.Single(detector.FindConflicts(UserServiceWindow("2026-11-10T18:00:00Z", "2026-11-10T20:00:00Z")));

        Assert.Equal(ScheduleConflictKind.Blackout, conflict.Kind);
        Assert.Equal(freezeId, conflict.ConflictingId);
        Assert.Equal("overlaps blackout 'Singles Day freeze' (2026-11-10 00:00 to 2026-11-12 00:00 Asia/Shanghai)", conflict.Description);
    }

    [Fact]
    public void FindConflicts_RecurringBlackout_BlocksOfficeHoursOnly()
    {
        var officeHours = Blackout.Recurring(Guid.NewGuid(), "Office hours", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", Local("2026-01-05T09:00"), TimeSpan.FromHours(9), "Asia/Shanghai");
        var detector = new ScheduleConflictDetector([officeHours], [], Dependencies);

        var conflict = Assert.Single(detector.FindConflicts(UserServiceWindow("2026-02-02T03:00:00Z", "2026-02-02T04:00:00Z")));
        Assert.Equal("overlaps blackout 'Office hours' (2026-02-02 09:00 to 18:00 Asia/Shanghai)", conflict.Description);
        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-02T11:00:00Z", "2026-02-02T12:00:00Z")));
        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-07T03:00:00Z", "2026-02-07T04:00:00Z")));
    }

    [Fact]
    public void FindConflicts_BlackoutScopedToAnotherEnvironment_DoesNotApply()
    {
        var stagingFreeze = Blackout.OneOff(Guid.NewGuid(), "Staging freeze", Utc("2026-02-01T00:00:00Z"), Utc("2026-02-03T00:00:00Z"), environment: "staging");
        var prodFreeze = Blackout.OneOff(Guid.NewGuid(), "Prod freeze", Utc("2026-02-01T00:00:00Z"), Utc("2026-02-03T00:00:00Z"), environment: "PROD");
        var detector = new ScheduleConflictDetector([stagingFreeze, prodFreeze], [], Dependencies);

        var conflict = Assert.Single(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z")));

        Assert.Equal("Prod freeze", conflict.Name);
    }

    [Fact]
    public void FindConflicts_BlackoutEndingWhenTheWindowStarts_DoesNotConflict()
    {
        var freeze = Blackout.OneOff(Guid.NewGuid(), "Freeze", Utc("2026-02-01T00:00:00Z"), Utc("2026-02-02T10:00:00Z"));
        var detector = new ScheduleConflictDetector([freeze], [], Dependencies);

        Assert.Empty(detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T12:00:00Z")));
    }

    [Fact]
    public void FindConflicts_SeveralConflicts_AreOrderedByStart()
    {
        var officeHours = Blackout.Recurring(Guid.NewGuid(), "Office hours", "FREQ=DAILY", Local("2026-01-01T09:00"), TimeSpan.FromHours(9), "Europe/Berlin");
        var detector = new ScheduleConflictDetector([officeHours], [GatewayUpgrade], Dependencies);

        var conflicts = detector.FindConflicts(UserServiceWindow("2026-02-01T12:00:00Z", "2026-02-03T12:00:00Z"));

        Assert.Equal(
            [ScheduleConflictKind.Blackout, ScheduleConflictKind.Blackout, ScheduleConflictKind.Window, ScheduleConflictKind.Blackout],
            conflicts.Select(conflict => conflict.Kind));
        Assert.True(conflicts.Zip(conflicts.Skip(1)).All(pair => pair.First.Start <= pair.Second.Start));
    }

    [Fact]
    public void FindConflicts_EmptyCandidate_IsAProgrammingError()
    {
        var detector = new ScheduleConflictDetector([], [], Dependencies);

        Assert.Throws<ArgumentException>(() => detector.FindConflicts(UserServiceWindow("2026-02-02T10:00:00Z", "2026-02-02T10:00:00Z")));
    }

    private static CandidateWindow UserServiceWindow(string start, string end) =>
        new(UserPlan, "prod", ["user-service"], Utc(start), Utc(end));
}
