using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Audit;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Audit;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Mcp.Dashboard.Components.Pages;

/// <summary>The overview: plans by state, what waits for the signed-in person, recent activity.</summary>
public partial class Home : IDisposable
{
    /// <summary>Enough to act on now; the rest are a click away, not a wall of checkboxes.</summary>
    private const int MaxItemsShown = 6;

    private Actor? _actor;
    private IReadOnlyList<PlanSummary> _plans = [];
    private List<PlanSummary> _toReview = [];
    private IReadOnlyList<OwnedChecklistItem> _myItems = [];
    private IReadOnlyList<AuditEntry> _recent = [];
    private TimeZoneInfo _zone = TimeZoneInfo.Local;
    private bool _loading = true;
    private string? _error;
    private IDisposable? _subscription;

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required AuditReader AuditReader { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    /// <summary>Stakeholders (and anyone without an operator role) read; they are not asked to act.</summary>
    private bool IsReader => _actor is null || !_actor.IsInAnyRole(DashboardRoles.Operators);

    private bool IsApprover => _actor?.IsInAnyRole(DashboardRoles.Authors) == true;

    private string Greeting => Local(Clock.GetUtcNow()).Hour switch
    {
        < 12 => L["Good morning"],
        < 18 => L["Good afternoon"],
        _ => L["Good evening"],
    };

    private List<PlanSummary> ActivePlans =>
        _plans.Where(p => p.State is PlanState.Running or PlanState.Scheduled or PlanState.Approved).ToList();

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        await LoadAsync();

        // Bursts of ticks and edits become one reload per 100 ms.
        _subscription = Changes.SubscribeCoalesced(PlanService.Topic, null, () => InvokeAsync(ReloadFromFeedAsync));
    }

    private async Task ReloadFromFeedAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            var plans = await Plans.ListAsync();

            // Internal plans are for the team; readers see what the business is affected by.
            _plans = IsReader ? plans.Where(p => !p.Internal).ToList() : plans;
            _toReview = IsApprover ? _plans.Where(p => p.State == PlanState.InReview).ToList() : [];
            _myItems = IsReader || _actor is null ? [] : await Plans.ListOpenRequiredItemsAsync(_actor.Email);
            // Readers see what happened to plans, not who created tokens or users.
            _recent = await AuditReader.QueryAsync(new AuditQuery { Take = 10, Action = IsReader ? "plan." : null });
            _error = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _error = L["The overview could not be loaded: {0}", exception.Message];
        }
        finally
        {
            _loading = false;
        }
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    private void OnTimeZone(TimeZoneInfo zone) => _zone = zone;

    private int CountOf(PlanState state) => _plans.Count(p => p.State == state);

    internal static string StateLabel(PlanState state) => Components.Plans.PlanDisplay.StateText(state);

    internal static string StateColour(PlanState state) => state switch
    {
        PlanState.Draft => "#78849e",
        PlanState.InReview => "#b26a00",
        PlanState.Approved => "#00897b",
        PlanState.Scheduled => "#0277bd",
        PlanState.Running => "#3949ab",
        PlanState.Completed => "#2e7d32",
        PlanState.RolledBack => "#c62828",
        _ => "#5a6478",
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }

}
