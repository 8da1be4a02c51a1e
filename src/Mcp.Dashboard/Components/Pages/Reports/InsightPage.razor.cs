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

    [Inject]
    public required NavigationManager Navigation { get; init; }

    /// <summary><c>/insight?days=90&amp;environment=production</c> opens a shared view.</summary>
    [SupplyParameterFromQuery(Name = "days")]
    public int? DaysFromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "environment")]
    public string? EnvironmentFromQuery { get; set; }

    internal InsightFilter Filter { get; } = new();

    protected override Task OnInitializedAsync()
    {
        Filter.Apply(DaysFromQuery, EnvironmentFromQuery);
        return LoadAsync();
    }

    private async Task DaysChangedAsync(int days)
    {
        Filter.Days = days;
        await ShowAsync();
    }

    private async Task EnvironmentChangedAsync(string environment)
    {
        Filter.Environment = environment;
        await ShowAsync();
    }

    // The address follows the filter, so the view can be shared; it replaces the history entry
    // and the page does not load twice (the query is read once, at start).
    private async Task ShowAsync()
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["days"] = Filter.Days,
            ["environment"] = Filter.EnvironmentOrNull,
        }), new NavigationOptions { ReplaceHistoryEntry = true });
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

    /// <summary>Takes a period and environment from the address when they make sense; otherwise keeps the defaults.</summary>
    public void Apply(int? days, string? environment)
    {
        if (days is { } d && DeliveryInsights.Periods.Contains(d))
        {
            Days = d;
        }

        if (environment is not null && Domain.Inventory.Names.IsValid(environment))
        {
            Environment = environment;
        }
    }
}
