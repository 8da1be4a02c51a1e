using Mcp.Dashboard.Reports;
using Microsoft.AspNetCore.Components;

namespace Mcp.Dashboard.Components.Pages.Reports;

/// <summary>Delivery insight across plans, for a period and optionally one environment.</summary>
public partial class InsightPage
{
    private DeliveryInsight? _insight;
    private ReaderClock _clock = ReaderClock.Utc;
    private bool _loading;
    private string? _error;

    [Inject]
    public required DeliveryInsights Insights { get; init; }

    internal InsightFilter Filter { get; } = new();

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task DaysChangedAsync(int days)
    {
        Filter.Days = days;
        await LoadAsync();
    }

    private async Task EnvironmentChangedAsync(string environment)
    {
        Filter.Environment = environment;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _error = null;
        try
        {
            _insight = await Insights.ComputeAsync(Filter.Days, Filter.EnvironmentOrNull);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
        {
            _error = L["The numbers could not be read just now; try again in a moment."];
        }
        finally
        {
            _loading = false;
        }
    }

    private void OnTimeZone(TimeZoneInfo zone) => _clock = new ReaderClock(zone);
}

/// <summary>The insight page's filter: a period and an environment (or all).</summary>
internal sealed class InsightFilter
{
    public const string AllEnvironments = "";

    public int Days { get; set; } = DeliveryInsights.Periods[0];

    public string Environment { get; set; } = AllEnvironments;

    public string? EnvironmentOrNull => string.IsNullOrEmpty(Environment) ? null : Environment;
}
