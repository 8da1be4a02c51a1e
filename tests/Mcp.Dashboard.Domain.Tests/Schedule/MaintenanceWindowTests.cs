using Mcp.Dashboard.Domain.Schedule;
using static Mcp.Dashboard.Domain.Tests.Schedule.Zones;

namespace Mcp.Dashboard.Domain.Tests.Schedule;

public sealed class MaintenanceWindowTests
{
    [Fact]
    public void Create_ValidInput_KeepsItsValues()
    {
        var id = Guid.NewGuid();
        var planId = Guid.NewGuid();

        var window = MaintenanceWindow.Create(id, planId, Utc("2026-02-02T22:00:00Z"), Utc("2026-02-03T02:00:00Z"), "Europe/Berlin");

        Assert.Equal(id, window.Id);
        Assert.Equal(planId, window.PlanId);
        Assert.Equal(TimeSpan.FromHours(4), window.Length);
        Assert.Equal("Europe/Berlin", window.TimeZoneId);
    }

    [Fact]
    public void Validate_ValidInput_HasNoErrors()
    {
        Assert.Empty(MaintenanceWindow.Validate(Utc("2026-02-02T22:00:00Z"), Utc("2026-02-03T02:00:00Z"), "Asia/Shanghai"));
    }

    [Fact]
    public void Validate_EndBeforeStart_ReportsEnd()
    {
        var errors = MaintenanceWindow.Validate(Utc("2026-02-03T02:00:00Z"), Utc("2026-02-02T22:00:00Z"), "Europe/Berlin");

        Assert.Equal(["The end must be after the start."], errors[ScheduleFieldNames.End]);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_EndEqualToStart_ReportsEnd()
    {
        var errors = MaintenanceWindow.Validate(Utc("2026-02-02T22:00:00Z"), Utc("2026-02-02T22:00:00Z"), "Europe/Berlin");

        Assert.True(errors.ContainsKey("end"));
    }

    [Fact]
    public void Validate_LongerThanSevenDays_ReportsEndWithTheLength()
    {
        var errors = MaintenanceWindow.Validate(Utc("2026-02-01T00:00:00Z"), Utc("2026-02-09T02:00:00Z"), "Europe/Berlin");

        Assert.Equal(["A maintenance window can last at most 7 days; this one lasts 8 days 2 hours."], errors["end"]);
    }

    [Fact]
    public void Validate_ExactlySevenDays_IsAllowed()
    {
        Assert.Empty(MaintenanceWindow.Validate(Utc("2026-02-01T00:00:00Z"), Utc("2026-02-08T00:00:00Z"), "UTC"));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_MissingOrUnknownZone_ReportsTimeZone(string? zone)
    {
        var errors = MaintenanceWindow.Validate(Utc("2026-02-02T22:00:00Z"), Utc("2026-02-03T02:00:00Z"), zone);

        Assert.Equal(["timeZone"], errors.Keys);
    }

    [Fact]
    public void Validate_MissingStartAndEnd_ReportsBoth()
    {
        var errors = MaintenanceWindow.Validate(default, default, "UTC");

        Assert.Equal(["end", "start"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryCreate_InvalidInput_GivesErrorsAndNoWindow()
    {
        var created = MaintenanceWindow.TryCreate(Guid.NewGuid(), Guid.NewGuid(), Utc("2026-02-03T02:00:00Z"), Utc("2026-02-02T22:00:00Z"), "Nowhere", out var window, out var errors);

        Assert.False(created);
        Assert.Null(window);
        Assert.Equal(["end", "timeZone"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TryCreate_ValidInput_GivesTheWindow()
    {
        var created = MaintenanceWindow.TryCreate(Guid.NewGuid(), Guid.NewGuid(), Utc("2026-02-02T22:00:00Z"), Utc("2026-02-03T02:00:00Z"), "UTC", out var window, out var errors);

        Assert.True(created);
        Assert.NotNull(window);
        Assert.Empty(errors);
    }

    [Fact]
    public void Create_InvalidInput_ThrowsWithFieldErrors()
    {
        var exception = Assert.Throws<ScheduleValidationException>(
            () => MaintenanceWindow.Create(Guid.NewGuid(), Guid.NewGuid(), Utc("2026-02-03T02:00:00Z"), Utc("2026-02-02T22:00:00Z"), "UTC"));

        Assert.Equal(["end"], exception.Errors.Keys);
    }

    [Fact]
    public void Overlaps_BackToBackPeriods_DoNotOverlap()
    {
        var window = MaintenanceWindow.Create(Guid.NewGuid(), Guid.NewGuid(), Utc("2026-02-02T22:00:00Z"), Utc("2026-02-03T02:00:00Z"), "UTC");

        Assert.False(window.Overlaps(Utc("2026-02-03T02:00:00Z"), Utc("2026-02-03T04:00:00Z")));
        Assert.False(window.Overlaps(Utc("2026-02-02T20:00:00Z"), Utc("2026-02-02T22:00:00Z")));
        Assert.True(window.Overlaps(Utc("2026-02-03T01:59:00Z"), Utc("2026-02-03T04:00:00Z")));
    }
}
