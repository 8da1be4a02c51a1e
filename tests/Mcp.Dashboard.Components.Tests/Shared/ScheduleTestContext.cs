using System.Globalization;
using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Schedule;
using Microsoft.Extensions.DependencyInjection;

namespace Mcp.Dashboard.Components.Tests.Shared;

/// <summary>A plan test with the schedule and compatibility services at hand and a few schedule helpers.</summary>
public abstract class ScheduleTestContext : PlanTestContext
{
    protected ScheduleService Schedule => Services.GetRequiredService<ScheduleService>();

    protected CompatibilityService Compatibility => Services.GetRequiredService<CompatibilityService>();

    protected InventoryService Inventory => Services.GetRequiredService<InventoryService>();

    /// <summary>Midnight UTC some days ahead: far enough to be bookable, near enough for the suggestion horizon.</summary>
    protected static DateTimeOffset DayAhead(int days) => new(DateTime.UtcNow.Date.AddDays(days), TimeSpan.Zero);

    protected static string DayKey(DateTimeOffset day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    protected static string LocalInput(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    protected Task<StoredBlackout> AddOneOffBlackoutAsync(string name, DateTimeOffset start, DateTimeOffset end, string? reason = null) =>
        Schedule.CreateBlackoutAsync(TestActors.LiWei, Blackout.OneOff(Guid.NewGuid(), name, start, end, "UTC", reason: reason), Ct);

    protected Task<MigrationPlan> CreatePlanAsync(string name = "User service 2.3.0 -> 2.5.0") =>
        Plans.CreateAsync(TestActors.LiWei, ValidDefinition(name), cancellationToken: Ct);
}
