using System.Globalization;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Analysis;

/// <summary>
/// Watches one rollout step while it bakes. The engine calls <see cref="Assess"/> about once a
/// second with every sample since the step began; the monitor answers whether to keep baking,
/// roll back now, pause for a human, or pass.
/// </summary>
/// <remarks>
/// Two judgements with two purposes. Early rollback is judged on a short recent window, because
/// a fault that starts mid-bake would be diluted by the healthy minutes before it in a judgement
/// of the whole bake; and since looking every second is hundreds of tests, the window must fail
/// <see cref="BakePolicy.ConsecutiveFailures"/> evaluations in a row. The whole bake is judged
/// for display at every call and decides at the end, once, so subtle regressions that need all
/// the samples are still caught without paying for repeated looks.
/// <para>
/// The only state is the count of consecutive failing windows. A monitor created again after a
/// restart starts that count from zero, which delays a rollback by at most the confirmation,
/// and never lets a single noisy window through.
/// </para>
/// </remarks>
public sealed class BakeMonitor
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly AnalysisSettings _settings;
    private readonly BakePolicy _policy;
    private readonly JudgeOptions _windowJudge;
    private int _consecutiveFailures;
    private DateTimeOffset? _lastEvaluated;
    private DateTimeOffset? _bakeOverSince;
    private DateTimeOffset? _newestCounted;

    public BakeMonitor(AnalysisSettings settings, BakePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled)
        {
            throw new ArgumentException("Analysis is off for this plan; a bake without analysis needs no monitor.", nameof(settings));
        }

        _settings = settings;
        _policy = policy ?? BakePolicy.Default;
        if (_policy.Window <= TimeSpan.Zero || _policy.ConsecutiveFailures < 1 || _policy.WindowMinSamples < 1)
        {
            throw new ArgumentException("The bake policy needs a positive window, at least one sample and at least one failing evaluation.", nameof(policy));
        }

        _windowJudge = _policy.WindowJudge;
    }

    public BakePolicy Policy => _policy;

    /// <summary>
    /// Judges the bake so far. <paramref name="samples"/> are those collected since
    /// <paramref name="stepStart"/> (earlier or later ones are ignored); <paramref name="bakeOver"/>
    /// says the bake time has run out, so this call must end the step one way or another.
    /// Calling again with the same <paramref name="now"/> does not count as another evaluation.
    /// </summary>
    public BakeAssessment Assess(IReadOnlyList<MetricSample> samples, DateTimeOffset stepStart, DateTimeOffset now, bool bakeOver)
    {
        ArgumentNullException.ThrowIfNull(samples);

        var inBake = samples.Where(sample => sample.At >= stepStart && sample.At <= now && Cohorts.IsKnown(sample.Cohort)).ToList();
        var windowStart = WindowStart(inBake, now);
        var bake = new SeriesBuilder();
        var window = new SeriesBuilder();
        DateTimeOffset? newest = null;
        foreach (var sample in inBake)
        {
            bake.Add(sample);
            if (sample.At > windowStart)
            {
                window.Add(sample);
                newest = newest is { } n && n >= sample.At ? n : sample.At;
            }
        }

        var bakeSeries = bake.Build();
        var provisional = new Lazy<Verdict>(() => CanaryJudge.Judge(bakeSeries, _settings, _policy.BakeJudge));
        var recent = CanaryJudge.Judge(window.Build(), _settings, _windowJudge);

        // Only a window with evidence the last evaluation did not have counts towards the
        // confirmation: a source read every few seconds must not fail "twice" on one sample.
        if ((_lastEvaluated is null || now > _lastEvaluated) && (newest is null || _newestCounted is null || newest > _newestCounted))
        {
            _consecutiveFailures = recent.Outcome == CanaryOutcome.Fail ? _consecutiveFailures + 1 : 0;
            _lastEvaluated = now;
            _newestCounted = newest;
        }

        var (decision, explanation, reason) = Decide(provisional, recent, now, now - stepStart, bakeOver);
        return new BakeAssessment(decision, provisional, recent, _consecutiveFailures, explanation, reason);
    }

    private (BakeDecision, string, BakeReason) Decide(Lazy<Verdict> bake, Verdict recent, DateTimeOffset now, TimeSpan baked, bool bakeOver)
    {
        var windowText = Seconds(_policy.Window);
        BakeReason Facts(BakeReasonKind kind, Verdict basis) => new()
        {
            Kind = kind,
            WindowSeconds = _policy.Window.TotalSeconds,
            BakedSeconds = baked.TotalSeconds,
            Failures = _consecutiveFailures,
            FailuresToRollBack = _policy.ConsecutiveFailures,
            Basis = VerdictFacts.Of(basis),
        };

        if (_consecutiveFailures >= _policy.ConsecutiveFailures)
        {
            return (BakeDecision.RollBack,
                $"Roll back: the last {windowText} failed {_consecutiveFailures} checks in a row ({Clause(recent)}).",
                Facts(BakeReasonKind.WindowFailedInARow, recent));
        }

        // A fault that starts in the bake's last seconds has not had time to fail the window
        // enough times; passing now would promote it to more traffic, where the next step's
        // window starts empty. So the bake ends on a clean window: while the recent window
        // fails or looks marginal, it bakes on, for one window length at most.
        _bakeOverSince = bakeOver ? _bakeOverSince ?? now : null;
        var overtime = now - (_bakeOverSince ?? now);
        if (bakeOver && overtime < _policy.Window && (_consecutiveFailures > 0 || recent.Outcome == CanaryOutcome.Marginal))
        {
            return (BakeDecision.Continue,
                $"Keep baking past the bake's end until the last {windowText} are clean ({Clause(recent)}).",
                Facts(BakeReasonKind.BakingPastTheEnd, recent));
        }

        if (bakeOver)
        {
            var provisional = bake.Value;
            return provisional.Outcome switch
            {
                CanaryOutcome.Pass => (BakeDecision.Pass, $"Pass: the bake of {Seconds(baked)} passed ({Clause(provisional)}).", Facts(BakeReasonKind.BakePassed, provisional)),
                CanaryOutcome.Fail => (BakeDecision.RollBack, $"Roll back: the bake of {Seconds(baked)} failed ({Clause(provisional)}).", Facts(BakeReasonKind.BakeFailed, provisional)),
                CanaryOutcome.Marginal => (BakeDecision.Pause, $"Pause for a decision: the bake of {Seconds(baked)} is marginal ({Clause(provisional)}).", Facts(BakeReasonKind.BakeMarginal, provisional)),
                _ => (BakeDecision.Pause, $"Pause for a decision: the bake of {Seconds(baked)} ended without enough data to judge ({Clause(provisional)}).", Facts(BakeReasonKind.BakeWithoutData, provisional)),
            };
        }

        if (_consecutiveFailures > 0)
        {
            return (BakeDecision.Continue,
                $"Keep baking: the last {windowText} failed {_consecutiveFailures} of the {_policy.ConsecutiveFailures} checks in a row that roll back ({Clause(recent)}).",
                Facts(BakeReasonKind.WindowFailing, recent));
        }

        // Explained by the window, the judgement that could have stopped the bake now.
        return (BakeDecision.Continue, $"Keep baking, {Seconds(baked)} in; the last {windowText}: {recent.Explanation}", Facts(BakeReasonKind.Baking, recent));
    }

    /// <summary>
    /// Where the recent window starts: <see cref="BakePolicy.Window"/> before now, or earlier
    /// when a source samples more slowly than once a second (Prometheus read every few seconds),
    /// so that every series still has its <see cref="BakePolicy.WindowMinSamples"/> latest samples.
    /// </summary>
    private DateTimeOffset WindowStart(IReadOnlyList<MetricSample> inBake, DateTimeOffset now)
    {
        var start = now - _policy.Window;
        foreach (var series in inBake.GroupBy(sample => (sample.Metric.ToUpperInvariant(), sample.Cohort)))
        {
            var latest = series.Select(sample => sample.At).OrderDescending().Take(_policy.WindowMinSamples).ToList();
            if (latest.Count == _policy.WindowMinSamples && latest[^1] <= start)
            {
                start = latest[^1] - TimeSpan.FromTicks(1);
            }
        }

        return start;
    }

    // The judge's explanation is a sentence of its own; inside ours it loses the final period.
    private static string Clause(Verdict verdict) => verdict.Explanation.TrimEnd('.');

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0", Inv) + " s";

    /// <summary>Collects each metric's baseline and canary values, in arrival order, into lists of its own.</summary>
    private sealed class SeriesBuilder
    {
        private readonly Dictionary<string, (List<double> Baseline, List<double> Canary)> _series = new(StringComparer.OrdinalIgnoreCase);

        public void Add(MetricSample sample)
        {
            if (!Cohorts.IsKnown(sample.Cohort))
            {
                return;
            }

            if (!_series.TryGetValue(sample.Metric, out var series))
            {
                series = ([], []);
                _series[sample.Metric] = series;
            }

            (sample.Cohort == Cohorts.Baseline ? series.Baseline : series.Canary).Add(sample.Value);
        }

        public IReadOnlyList<MetricSeries> Build() =>
            _series.Select(s => new MetricSeries(s.Key, s.Value.Baseline, s.Value.Canary)).ToList();
    }
}
