namespace Mcp.Dashboard.Domain.Analysis;

public enum CanaryOutcome
{
    Pass,
    Marginal,
    Fail,
    NoData,
}

/// <summary>Samples of one metric, one value per interval (e.g. per second), from both fleets.</summary>
public sealed record MetricSeries(string Metric, IReadOnlyList<double> Baseline, IReadOnlyList<double> Canary);

/// <summary>How one metric was judged. Statistics are null when the metric had no data.</summary>
public sealed record MetricResult
{
    public string Metric { get; init; } = "";

    public CanaryOutcome Outcome { get; init; }

    public bool Critical { get; init; }

    public double Weight { get; init; } = 1;

    public double? BaselineMedian { get; init; }

    public double? CanaryMedian { get; init; }

    public int BaselineCount { get; init; }

    public int CanaryCount { get; init; }

    public double? PValue { get; init; }

    /// <summary>Hodges-Lehmann estimate of canary - baseline.</summary>
    public double? Shift { get; init; }

    public double? ShiftLower { get; init; }

    public double? ShiftUpper { get; init; }

    public double Confidence { get; init; }

    /// <summary>One sentence on why the metric got its outcome.</summary>
    public string Reason { get; init; } = "";

    /// <summary>
    /// Which of the judge's rules gave the outcome, so <see cref="Reason"/> can be said in
    /// another language. Null on results stored before it was kept.
    /// </summary>
    public MetricReason? ReasonKind { get; init; }

    /// <summary>The absolute limit the canary median crossed (<see cref="MetricReason.AboveLimit"/>, <see cref="MetricReason.BelowLimit"/>).</summary>
    public double? Limit { get; init; }

    /// <summary>The metric's relative tolerance (0.2 = 20%); null when it has none.</summary>
    public double? Tolerance { get; init; }

    /// <summary>The canary's mean, judged against an all-zero baseline (<see cref="MetricReason.ZeroBaseline"/>).</summary>
    public double? CanaryMean { get; init; }
}

/// <summary>The rule of the judge behind a metric's outcome; each matches one wording of <see cref="MetricResult.Reason"/>.</summary>
public enum MetricReason
{
    TooFewSamples,
    AboveLimit,
    BelowLimit,
    ZeroBaseline,
    SignificantlyWorse,
    LooksWorse,
    WorseWithinTolerance,
    NoSignificantDegradation,
}

/// <summary>The judge's answer: outcome, 0-100 score (null when nothing had data) and one sentence.</summary>
public sealed record Verdict(CanaryOutcome Outcome, double? Score, IReadOnlyList<MetricResult> Metrics, string Explanation);

/// <summary>Knobs of the judge; the defaults are tuned by the simulation tests in CanaryJudgeTests.</summary>
public sealed record JudgeOptions
{
    public static JudgeOptions Default { get; } = new();

    /// <summary>Fewer samples than this on either side gives NoData: the medians are not yet worth judging.</summary>
    public int MinSamples { get; init; } = 10;

    /// <summary>Two-sided significance level of the Mann-Whitney test.</summary>
    public double Alpha { get; init; } = 0.01;

    public double Confidence { get; init; } = 0.95;

    public double PassScore { get; init; } = 90;

    public double MarginalScore { get; init; } = 70;

    /// <summary>A canary mean above this against an all-zero baseline fails (0.001 = 0.1% errors).</summary>
    public double ZeroBaselineFloor { get; init; } = 0.001;
}
