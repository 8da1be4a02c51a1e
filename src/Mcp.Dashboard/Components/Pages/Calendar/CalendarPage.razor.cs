using System.Globalization;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Schedule;
using Microsoft.AspNetCore.Components;

namespace Mcp.Dashboard.Components.Pages.Calendar;

public sealed partial class CalendarPage : IDisposable
{
    private const string AllEnvironments = "";

    private static IEnumerable<string> DayNames =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday }
            .Select(Localization.ReaderFormats.ShortDayName)];

    private IReadOnlyList<CalendarEntry> _entries = [];
    private IReadOnlyList<string> _environments = [];
    private DateOnly _today;
    private bool _loading;
    private string? _error;
    private int _tab;
    private IDisposable? _subscription;

    [Inject]
    public required ScheduleService Schedule { get; init; }

    [Inject]
    public required InventoryService Inventory { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    /// <summary>"month" or "week".</summary>
    [SupplyParameterFromQuery(Name = "view")]
    public string? ViewQuery { get; set; }

    /// <summary>A day in the period to show, yyyy-MM-dd.</summary>
    [SupplyParameterFromQuery(Name = "date")]
    public string? DateQuery { get; set; }

    [SupplyParameterFromQuery(Name = "zone")]
    public string? ZoneQuery { get; set; }

    [SupplyParameterFromQuery(Name = "environment")]
    public string? EnvironmentQuery { get; set; }

    /// <summary>"blackouts" opens the blackouts tab.</summary>
    [SupplyParameterFromQuery(Name = "tab")]
    public string? TabQuery { get; set; }

    public CalendarViewModel View { get; } = new();

    protected override async Task OnInitializedAsync()
    {
        View.Apply(ViewQuery, DateQuery, ZoneQuery, EnvironmentQuery, Clock.GetUtcNow());
        _tab = string.Equals(TabQuery, "blackouts", StringComparison.OrdinalIgnoreCase) ? 1 : 0;

        // Any booking, cancellation or blackout change anywhere can move what this range shows.
        _subscription = Changes.SubscribeCoalesced(ScheduleService.Topic, null, OnChangedAsync);

        _environments = (await Inventory.ListAsync()).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        _today = View.Today(Clock.GetUtcNow());
        try
        {
            var (from, to) = View.Range;
            _entries = await Schedule.CalendarAsync(from, to, View.Environment);
            _error = null;
        }
        catch (ValidationFailed failed)
        {
            _error = failed.Errors.ToString();
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task OnChangedAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private Task PreviousAsync()
    {
        View.Previous();
        return LoadAsync();
    }

    private Task NextAsync()
    {
        View.Next();
        return LoadAsync();
    }

    private Task TodayAsync()
    {
        View.GoToToday(Clock.GetUtcNow());
        return LoadAsync();
    }

    private Task SwitchAsync(CalendarView view)
    {
        View.View = view;
        return LoadAsync();
    }

    private Task EnvironmentChangedAsync(string value)
    {
        View.Environment = string.IsNullOrEmpty(value) ? null : value;
        return LoadAsync();
    }

    private Task ZoneChangedAsync(string value)
    {
        View.TimeZoneId = value;
        return LoadAsync();
    }

    /// <summary>Without a zone in the link, the calendar follows the reader's own clock.</summary>
    private async Task OnTimeZoneAsync(TimeZoneInfo zone)
    {
        if (ZoneQuery is null && zone.Id != View.TimeZoneId)
        {
            await ZoneChangedAsync(zone.Id);
        }
    }

    private static string DayKey(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
