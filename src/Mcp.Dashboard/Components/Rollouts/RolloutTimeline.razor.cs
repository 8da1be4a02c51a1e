using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts;
using Microsoft.AspNetCore.Components;

namespace Mcp.Dashboard.Components.Rollouts;

/// <summary>
/// The step timeline. Its countdowns tick once a second on a server timer that renders only
/// this component (a few hundred bytes of diff), and only while something is counting down;
/// the rest of the page renders when the rollout changes.
/// </summary>
public sealed partial class RolloutTimeline : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private ITimer? _timer;

    /// <summary>The rollout whose steps to show.</summary>
    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>The viewer's time zone.</summary>
    [Parameter]
    public TimeZoneInfo Zone { get; set; } = TimeZoneInfo.Utc;

    [Inject]
    public required TimeProvider Clock { get; init; }

    private DateTimeOffset Now => Clock.GetUtcNow();

    private string? NextCountdown => Rollout.NextAt is { } at && at > Now && !Rollout.IsFinished ? RolloutDisplay.Countdown(at, Now) : null;

    private bool IsCountingDown =>
        !Rollout.IsFinished
        && (Rollout.NextAt > Now || Rollout.Steps.Any(s => s.State == StepState.Running && s.DueAt > Now));

    protected override void OnParametersSet()
    {
        if (IsCountingDown)
        {
            _timer ??= Clock.CreateTimer(_ => _ = InvokeAsync(OnTick), null, Tick, Tick);
        }
        else
        {
            StopTimer();
        }
    }

    private void OnTick()
    {
        if (!IsCountingDown)
        {
            StopTimer();
        }

        StateHasChanged();
    }

    private void StopTimer()
    {
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => StopTimer();
}
