using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Rollouts.Metrics;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Mcp.Dashboard.Components.Rollouts;

/// <summary>
/// A live chart of one metric, canary against baseline. The history is sent once; after that
/// only new samples go to the browser, at most every 100 ms, as two flat arrays of
/// (time, value) pairs. The component itself never re-renders for a sample: the script draws
/// on a canvas and writes the latest values as text. Charts that update every second must
/// not send a whole SVG through the circuit per sample.
/// </summary>
public sealed partial class MetricChart : IAsyncDisposable
{
    /// <summary>Samples waiting for the next flush, at most; a circuit that cannot keep up loses the oldest, not memory.</summary>
    private const int MaxPending = 2_000;

    private readonly Lock _gate = new();
    private readonly List<MetricSample> _pending = [];
    private ElementReference _canvas;
    private ElementReference _latest;
    private IJSObjectReference? _module;
    private IJSObjectReference? _chart;
    private IDisposable? _subscription;
    private CallbackThrottler? _throttler;
    private long _sentBaselineTicks;
    private long _sentCanaryTicks;
    private string? _unavailable;
    private bool _disposed;

    /// <summary>The rollout whose samples to draw.</summary>
    [Parameter, EditorRequired]
    public Guid RolloutId { get; set; }

    /// <summary>The metric name, e.g. <c>error_rate</c> or <c>latency_p99_ms</c>.</summary>
    [Parameter, EditorRequired]
    public required string Metric { get; set; }

    /// <summary>How far back the chart reaches; the script drops older points.</summary>
    [Parameter]
    public TimeSpan History { get; set; } = TimeSpan.FromMinutes(10);

    [Inject]
    public required RecentSamples Samples { get; init; }

    [Inject]
    public required IJSRuntime JS { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [Inject]
    public required ILogger<MetricChart> Logger { get; init; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Subscribe before reading the history: a batch that lands between the two is then in
        // both, and the sent-up-to marks drop the copy, rather than the gap losing it.
        _throttler = new CallbackThrottler(FlushAsync, CallbackThrottler.DefaultInterval);
        _subscription = Samples.Subscribe(RolloutId, OnSamples);
        var since = Clock.GetUtcNow() - History;
        var baseline = Samples.Read(RolloutId, Metric, Cohorts.Baseline, since);
        var canary = Samples.Read(RolloutId, Metric, Cohorts.Canary, since);

        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "/assets/js/rollout-charts.js");
            var history = TakeUnsent(baseline.Concat(canary));
            _chart = await _module.InvokeAsync<IJSObjectReference>("mount", _canvas, _latest, new ChartOptions(Metric, (long)History.TotalMilliseconds,
                new ChartWords(L["No samples yet."], L["No samples yet: the fleet reports once traffic reaches the new version."], L["Latest at {0}: canary {1}, baseline {2}."])), history);
            if (_disposed)
            {
                // The page went away while the chart was mounting: DisposeAsync found nothing
                // to release yet, so release it here (the script's observer and the references).
                await ReleaseAsync();
                return;
            }
        }
        catch (JSDisconnectedException)
        {
            return;
        }
        catch (JSException exception)
        {
            Logger.LogWarning(exception, "The {Metric} chart could not start in the browser", Metric);
            _unavailable = L["The chart could not be drawn in this browser; the verdict panel has the numbers."];
            StateHasChanged();
            return;
        }

        // Samples that came while the script loaded.
        _throttler.Signal();
    }

    // Called on the appender's thread once per batch: only copy and signal, never block it.
    private void OnSamples(IReadOnlyList<MetricSample> batch)
    {
        var added = false;
        lock (_gate)
        {
            foreach (var sample in batch)
            {
                if (sample.Metric == Metric)
                {
                    _pending.Add(sample);
                    added = true;
                }
            }

            if (_pending.Count > MaxPending)
            {
                _pending.RemoveRange(0, _pending.Count - MaxPending);
            }
        }

        if (added)
        {
            _throttler?.Signal();
        }
    }

    private async Task FlushAsync()
    {
        if (_chart is not { } chart || _disposed)
        {
            return;
        }

        List<MetricSample> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }

            batch = [.. _pending];
            _pending.Clear();
        }

        var points = TakeUnsent(batch);
        if (points.B.Length == 0 && points.C.Length == 0)
        {
            return;
        }

        try
        {
            await InvokeAsync(() => chart.InvokeVoidAsync("append", points).AsTask());
        }
        catch (Exception exception) when (exception is JSDisconnectedException or ObjectDisposedException or TaskCanceledException or InvalidOperationException)
        {
            // The circuit is going away; the next one loads the history afresh.
        }
        catch (JSException exception)
        {
            Logger.LogWarning(exception, "The {Metric} chart refused new points", Metric);
        }
    }

    /// <summary>Flattens samples into (time ms, value) pairs per cohort, keeping only those newer than what was sent.</summary>
    private ChartPoints TakeUnsent(IEnumerable<MetricSample> samples)
    {
        var baseline = new List<double>();
        var canary = new List<double>();
        lock (_gate)
        {
            foreach (var sample in samples.OrderBy(s => s.At))
            {
                var ticks = sample.At.UtcTicks;
                if (sample.Cohort == Cohorts.Baseline && ticks > _sentBaselineTicks)
                {
                    _sentBaselineTicks = ticks;
                    baseline.Add(sample.At.ToUnixTimeMilliseconds());
                    baseline.Add(sample.Value);
                }
                else if (sample.Cohort == Cohorts.Canary && ticks > _sentCanaryTicks)
                {
                    _sentCanaryTicks = ticks;
                    canary.Add(sample.At.ToUnixTimeMilliseconds());
                    canary.Add(sample.Value);
                }
            }
        }

        return new ChartPoints([.. baseline], [.. canary]);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _subscription?.Dispose();
        _throttler?.Dispose();
        await ReleaseAsync();
    }

    private async Task ReleaseAsync()
    {
        var chart = Interlocked.Exchange(ref _chart, null);
        var module = Interlocked.Exchange(ref _module, null);
        try
        {
            if (chart is not null)
            {
                await chart.InvokeVoidAsync("dispose");
                await chart.DisposeAsync();
            }

            if (module is not null)
            {
                await module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>What the script needs to know: the metric (for units) and how much time to keep.</summary>
    private sealed record ChartOptions(string Metric, long WindowMs, ChartWords Words);

    /// <summary>What the chart script writes itself, in the reader's language ({0} time, {1} canary, {2} baseline).</summary>
    private sealed record ChartWords(string NoSamples, string NoSamplesYet, string Latest);

    /// <summary>New points as flat [t0, v0, t1, v1, …] arrays, baseline (b) and canary (c): compact on the wire.</summary>
    private sealed record ChartPoints(double[] B, double[] C);
}
