using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Plans;

public sealed partial class PlanDetails : IDisposable
{
    private MigrationPlan? _plan;
    private ReadinessReport? _readiness;
    private IReadOnlyList<RolloutView> _rollouts = [];
    private ApprovalDecision? _approval;
    private Actor? _actor;
    private bool _notFound;
    private string? _deletedBy;
    private bool _busy;
    private string? _error;
    private List<BreadcrumbItem> _crumbs = [];
    private IDisposable? _subscription;
    private Guid _subscribedTo;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private TimeZoneInfo? _readerZone;

    // Changes by others since the last reload; the throttler turns a burst into one reload.

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required PlanReadinessService Readiness { get; init; }

    [Inject]
    public required RolloutQueries RolloutQueries { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter]
    public Guid Id { get; set; }

    private bool IsAuthor => _actor?.IsInAnyRole(DashboardRoles.Authors) == true;

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        if (_subscribedTo != Id)
        {
            _subscription?.Dispose();
            _subscription = Changes.SubscribeCoalesced(PlanService.Topic, Id.ToString(), OnChangedAsync);
            _subscribedTo = Id;
        }

        await LoadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
    }

    private async Task LoadAsync()
    {
        _plan = await Plans.FindAsync(Id);
        _notFound = _plan is null;
        if (_plan is null)
        {
            _readiness = null;
            return;
        }

        _readiness = await Readiness.EvaluateAsync(_plan);
        _rollouts = await RolloutQueries.ListAsync(_plan.Id);
        _approval = _actor is null ? null : ApprovalPolicy.Decide(_plan, _actor);
        _crumbs = [new(L["Plans"], "/plans"), new(_plan.Name, null, disabled: true)];
    }

    private async Task OnChangedAsync(IReadOnlyList<Change> changes)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                if (changes.Any(c => c.Kind == "plan.deleted"))
                {
                    _deletedBy = NameOf(changes.Last(c => c.Kind == "plan.deleted").Actor);
                    _plan = null;
                }
                else
                {
                    await LoadAsync();
                }

                foreach (var change in changes.Where(c => _actor is null || !_actor.Is(c.Actor)).TakeLast(3))
                {
                    Snackbar.Add(PlanDisplay.DescribeChange(NameOf(change.Actor), change.Kind), Severity.Info, o => o.VisibleStateDuration = 4000);
                }

                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private Task SubmitAsync() => RunAsync(() => Plans.SubmitAsync(_actor!, Id, null), L["Submitted for review."]);

    // The approval covers the revision on screen: if it changed meanwhile, the approver is told.
    private Task ApproveAsync() => RunAsync(() => Plans.ApproveAsync(_actor!, Id, null, _plan?.Revision), L["Plan approved."]);

    private async Task RequestChangesAsync()
    {
        var reason = await PromptAsync(L["Request changes"], L["Tell the author what needs to change. The plan goes back to draft."], L["What needs to change"], L["Send back"], Color.Warning);
        if (reason is not null)
        {
            await RunAsync(() => Plans.RequestChangesAsync(_actor!, Id, reason), L["Sent back to the author."]);
        }
    }

    private async Task CancelAsync()
    {
        var reason = await PromptAsync(L["Cancel this plan?"], L["A cancelled plan cannot run. It stays in the history and can be deleted later."], L["Reason"], L["Cancel plan"], Color.Error);
        if (reason is not null)
        {
            await RunAsync(() => Plans.CancelAsync(_actor!, Id, reason), L["Plan cancelled."]);
        }
    }

    private async Task DeleteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Delete this plan?"], L["“{0}” and its checklist will be deleted. The audit trail keeps a record.", _plan?.Name ?? ""],
            yesText: L["Delete"], cancelText: L["Keep it"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await Plans.DeleteAsync(_actor!, Id, _plan?.Revision, null);
            Snackbar.Add(L["Plan deleted."], Severity.Success);
            Navigation.NavigateTo("/plans");
        }
        catch (Exception exception) when (IsDomainError(exception))
        {
            _error = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<string?> PromptAsync(string title, string message, string label, string confirm, Color color)
    {
        var parameters = new DialogParameters<TextPromptDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.Label, label },
            { d => d.ConfirmText, confirm },
            { d => d.ConfirmColor, color },
            { d => d.Required, true },
        };
        var dialog = await Dialogs.ShowAsync<TextPromptDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    private async Task RunAsync(Func<Task> action, string done)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
            Snackbar.Add(done, Severity.Success);
            await LoadAsync();
        }
        catch (Exception exception) when (IsDomainError(exception))
        {
            _error = exception is ValidationFailed validation ? string.Join(" ", validation.Errors.ToDictionary().Values.SelectMany(v => v)) : exception.Message;
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private static bool IsDomainError(Exception exception) =>
        exception is PlanRuleViolation or PlanAccessDenied or NotFound or ValidationFailed or ConcurrencyConflict;

    private string NameOf(string email) =>
        _plan?.Team.FirstOrDefault(m => m.Email.Equals(email, StringComparison.OrdinalIgnoreCase))?.Name ?? email;

    private static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));

    private string Duration(int seconds) => seconds switch
    {
        0 => L["none"],
        < 120 => L["{0} s", seconds],
        < 7200 => L["{0} min", seconds / 60],
        _ => L["{0} h", (seconds / 3600.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)],
    };

    private void OnTimeZone(TimeZoneInfo zone)
    {
        _zone = zone;
        _readerZone = zone;
    }
}
