using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Microsoft.AspNetCore.Components;

namespace Mcp.Dashboard.Components.Pages.Plans;

public sealed partial class PlanList : IDisposable
{
    private IReadOnlyList<PlanSummary>? _plans;
    private IDisposable? _subscription;
    private string? _error;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    public PlanListViewModel Filter { get; } = new();

    private IReadOnlyList<PlanSummary> Visible => _plans is null ? [] : Filter.Apply(_plans);

    protected override async Task OnInitializedAsync()
    {
        _subscription = Changes.SubscribeCoalesced(PlanService.Topic, null, OnChangedAsync);
        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
    }

    private async Task LoadAsync()
    {
        try
        {
            _plans = await Plans.ListAsync();
            _error = null;
        }
        catch (InvalidOperationException exception)
        {
            _error = L["The plans could not be loaded: {0}", exception.Message];
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

    private void SearchChanged(string? text) => Filter.Search = text;

    private void StateChanged(PlanState? state) => Filter.State = state;

    private void ClearFilters() => Filter.Clear();

    private void OnTimeZone(TimeZoneInfo zone) => _zone = zone;
}
