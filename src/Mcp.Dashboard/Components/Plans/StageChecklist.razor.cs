using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Plans;

public sealed partial class StageChecklist : IDisposable
{
    private IDisposable? _subscription;
    private PlanStage? _live;
    private PlanStage? _lastParameter;
    private Actor? _actor;
    private bool _busy;
    private string? _error;

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The plan the stage belongs to.</summary>
    [Parameter, EditorRequired]
    public Guid PlanId { get; set; }

    /// <summary>The stage as loaded by the page; the component refreshes it itself on changes.</summary>
    [Parameter, EditorRequired]
    public PlanStage InitialStage { get; set; } = default!;

    /// <summary>The plan's team, to show owners by name.</summary>
    [Parameter]
    public IReadOnlyList<TeamMember> Team { get; set; } = [];

    /// <summary>False when the plan is finished and its checklist is history.</summary>
    [Parameter]
    public bool Editable { get; set; } = true;

    /// <summary>The reader's time zone, for due and done times.</summary>
    [Parameter]
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    private PlanStage Stage => _live ?? InitialStage;

    private DateTimeOffset Now => Clock.GetUtcNow();

    private int DoneCount => Stage.Checklist.Count(i => i.IsDone);

    private double Percent => Stage.Checklist.Count == 0 ? 100 : 100.0 * DoneCount / Stage.Checklist.Count;

    private bool CanTick => Editable && _actor is not null && _actor.IsInAnyRole(DashboardRoles.Operators);

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        // A colleague's tick arrives through the feed; bursts become one reload.
        _subscription = Changes.SubscribeCoalesced(PlanService.Topic, PlanId.ToString(), OnChangedAsync);
    }

    protected override void OnParametersSet()
    {
        // A fresher stage from the page replaces ours; our own reloads keep theirs until then.
        if (!ReferenceEquals(_lastParameter, InitialStage))
        {
            _lastParameter = InitialStage;
            _live = null;
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
    }

    private async Task OnChangedAsync()
    {
        try
        {
            await InvokeAsync(ReloadAsync);
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task ReloadAsync()
    {
        var plan = await Plans.FindAsync(PlanId);
        var stage = plan?.Stages.FirstOrDefault(s => s.Id == InitialStage.Id);
        if (stage is not null)
        {
            _live = stage;
            StateHasChanged();
        }
    }

    private async Task TickAsync(ChecklistItem item)
    {
        var parameters = new DialogParameters<TextPromptDialog>
        {
            { d => d.Title, L["Tick: {0}", item.Title] },
            { d => d.Message, L["Add an evidence note if you have one (a link, a ticket, a number)."] },
            { d => d.Label, L["Evidence note (optional)"] },
            { d => d.ConfirmText, L["Mark done"] },
        };
        var dialog = await Dialogs.ShowAsync<TextPromptDialog>(L["Tick checklist item"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return;
        }

        await RunAsync(() => Plans.CompleteChecklistItemAsync(_actor!, PlanId, item.Id, result.Data as string));
    }

    private Task ReopenAsync(ChecklistItem item) =>
        RunAsync(() => Plans.ReopenChecklistItemAsync(_actor!, PlanId, item.Id, null));

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            await ReloadAsync();
        }
        catch (Exception exception) when (exception is PlanRuleViolation or PlanAccessDenied or NotFound or ValidationFailed or ConcurrencyConflict)
        {
            _error = exception is ValidationFailed validation ? validation.Errors.ToString() : exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private string NameOf(string email) =>
        Team.FirstOrDefault(m => m.Email.Equals(email, StringComparison.OrdinalIgnoreCase))?.Name ?? email;
}
