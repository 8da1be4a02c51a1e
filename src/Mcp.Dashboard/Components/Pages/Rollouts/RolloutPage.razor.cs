using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Simulation;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Plans;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Targets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Rollouts;

/// <summary>
/// The engineer's live rollout page. It loads the rollout, its plan and its event log, then
/// follows the change feed: each burst of changes (coalesced to one call per 100 ms) reloads
/// the view and appends the log lines after the last one shown. A new circuit (a reconnect
/// that lost its state, a reload) starts from a full load, so nothing is lost or doubled.
/// </summary>
public sealed partial class RolloutPage : IDisposable
{
    /// <summary>The metrics the default analysis judges; drawn live on the page.</summary>
    private static readonly string[] ChartedMetrics = ["error_rate", "latency_p99_ms"];

    private const int EventPage = 500;

    private RolloutView? _rollout;
    private MigrationPlan? _plan;
    private readonly List<RolloutEventView> _events = [];
    private long _lastEventId;
    private IReadOnlyDictionary<FaultKind, double> _faults = new Dictionary<FaultKind, double>();
    private Actor? _actor;
    private bool _notFound;
    private bool _busy;
    private bool _rollbackPending;
    private string? _error;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private IDisposable? _subscription;
    private IDisposable? _verdicts;
    private Guid _subscribedTo;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    public required RolloutQueries Queries { get; init; }

    [Inject]
    public required RolloutEngine Engine { get; init; }

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required SimulatedFleets Fleets { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required ILiveVerdicts LiveVerdicts { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    private bool IsOperator => _actor?.IsInAnyRole(DashboardRoles.Operators) == true;

    private bool IsSimulated => _plan?.Target.Kind == TargetKind.Simulated;

    private string? Versions => _plan is null ? null : $"{_plan.FromVersion} → {_plan.ToVersion} · {_plan.Environment} · {string.Join(", ", _plan.Services)}";

    private string? VerdictStep => _rollout?.Verdict is { } verdict ? _rollout.Steps.FirstOrDefault(s => s.Index == verdict.StepIndex) is { } step ? RolloutDisplay.StepText(step) : null : null;

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        if (_subscribedTo != Id)
        {
            _subscription?.Dispose();
            _verdicts?.Dispose();
            _rollout = null;
            _plan = null;
            _events.Clear();
            _lastEventId = 0;
            _rollbackPending = false;
            _error = null;
            _subscription = Changes.SubscribeCoalesced(RolloutStore.Topic, Id.ToString(), OnChangedAsync);
            _verdicts = Changes.SubscribeCoalesced(RolloutAnalysis.VerdictTopic, Id.ToString(), OnVerdictAsync);
            _subscribedTo = Id;
        }

        await LoadAsync(withEvents: true);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _verdicts?.Dispose();
    }

    private async Task LoadAsync(bool withEvents)
    {
        var rollout = await Queries.FindAsync(Id);
        _notFound = rollout is null;
        _rollout = rollout;
        if (rollout is null)
        {
            return;
        }

        if (_plan?.Id != rollout.PlanId)
        {
            _plan = await Plans.FindAsync(rollout.PlanId);
        }

        _faults = Fleets.Find(Id)?.Faults ?? new Dictionary<FaultKind, double>();
        if (rollout.RollbackReason is not null || rollout.IsFinished)
        {
            _rollbackPending = false;
        }

        if (withEvents)
        {
            await LoadNewEventsAsync();
        }
    }

    // Everything here runs on the circuit's one thread, but two loads can interleave at their
    // awaits; filtering on the last id at the moment of appending keeps the log free of doubles.
    private async Task LoadNewEventsAsync()
    {
        while (true)
        {
            var batch = await Queries.EventsAsync(Id, _lastEventId, EventPage);
            foreach (var entry in batch.Where(e => e.Id > _lastEventId))
            {
                _events.Add(entry);
                _lastEventId = entry.Id;
            }

            if (batch.Count < EventPage)
            {
                return;
            }
        }
    }

    private async Task OnChangedAsync(IReadOnlyList<Change> changes)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await LoadAsync(withEvents: true);
                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    // The judge's once-a-second verdict changes nothing stored: it comes from memory, so a
    // watching page costs no query per second.
    private async Task OnVerdictAsync()
    {
        try
        {
            await InvokeAsync(() =>
            {
                if (_rollout is not null && LiveVerdicts.Latest(Id) is { } verdict)
                {
                    _rollout = _rollout with { Verdict = verdict };
                    StateHasChanged();
                }
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private void OnTimeZone(TimeZoneInfo zone)
    {
        _zone = zone;
        StateHasChanged();
    }

    private Task PauseAsync(string? reason) => RunAsync(() => Engine.PauseAsync(_actor!, Id, reason), L["Paused."]);

    private Task ResumeAsync() => RunAsync(() => Engine.ResumeAsync(_actor!, Id, null), L["Resumed."]);

    private Task PromoteAsync() => RunAsync(() => Engine.PromoteAsync(_actor!, Id, null), L["Promoted: heading for full traffic."]);

    private async Task RollBackAsync(string reason)
    {
        // Say "Rolling back…" at once: this render goes out while the engine commits.
        _rollbackPending = true;
        StateHasChanged();
        var outcome = RollbackRequestOutcome.Accepted;
        var ok = await RunAsync(async () => outcome = await Engine.RequestRollbackAsync(_actor!, Id, reason), null);
        if (!ok)
        {
            _rollbackPending = false;
            return;
        }

        Snackbar.Add(outcome switch
        {
            RollbackRequestOutcome.AlreadyRequested => L["A rollback was already under way; nothing changed."],
            RollbackRequestOutcome.CancelledBeforeStart => L["The rollout had not started, so it was cancelled."],
            _ => L["Rollback started: traffic is going back."],
        }, outcome == RollbackRequestOutcome.Accepted ? Severity.Success : Severity.Info);
    }

    private Task InjectFaultAsync(FaultChoice fault) =>
        RunAsync(() => Engine.InjectFaultAsync(_actor!, Id, fault.Kind, fault.Factor), L["Injected: {0}. Watch the verdict.", RolloutDisplay.FaultText(fault.Kind, fault.Factor)]);

    private Task ClearFaultsAsync() => RunAsync(() => Engine.ClearFaultsAsync(_actor!, Id), L["Faults cleared."]);

    private Task TickAsync(int number) => RunAsync(() => Engine.CompleteRollbackTaskAsync(_actor!, Id, number), L["Ticked."]);

    /// <returns>False when the engine refused; the refusal is shown on the page.</returns>
    private async Task<bool> RunAsync(Func<Task> action, string? done)
    {
        if (_actor is null)
        {
            _error = L["Sign in again to act on this rollout."];
            return false;
        }

        _busy = true;
        _error = null;
        try
        {
            await action();
            if (done is not null)
            {
                Snackbar.Add(done, Severity.Success);
            }

            return true;
        }
        catch (Exception exception) when (IsRefusal(exception))
        {
            _error = Describe(exception);
            return false;
        }
        finally
        {
            _busy = false;
            await LoadAsync(withEvents: true);
        }
    }

    private static bool IsRefusal(Exception exception) =>
        exception is RolloutRuleViolation or PlanRuleViolation or PlanAccessDenied or NotFound or ValidationFailed or ConcurrencyConflict or RolloutStartRefused;

    private static string Describe(Exception exception) => exception switch
    {
        ValidationFailed validation => string.Join(" ", validation.Errors.ToDictionary().Values.SelectMany(v => v)),
        _ => exception.Message,
    };
}
