namespace Mcp.Dashboard.Domain.Analysis;

/// <summary>What the engine does with a baking step after an assessment.</summary>
public enum BakeDecision
{
    /// <summary>Keep baking.</summary>
    Continue,

    /// <summary>A clear failure: roll back now, without waiting for the bake to end.</summary>
    RollBack,

    /// <summary>The bake is over and the verdict is Marginal or NoData: a human decides.</summary>
    Pause,

    /// <summary>The bake is over and the verdict is Pass: go on to the next step.</summary>
    Pass,
}

/// <summary>
/// One look at a baking step: the decision and the sentence that explains it, the verdict on
/// the recent window (what early rollback is judged on) and the provisional verdict over
/// everything baked so far (to show).
/// </summary>
public sealed class BakeAssessment
{
    // Judging the whole bake compares every canary sample with every baseline sample; it is
    // the costly part of an assessment and only the display and the bake's end need it, so it
    // is judged on first use (from a copy of the values, so later samples cannot leak in).
    private readonly Lazy<Verdict> _provisional;

    internal BakeAssessment(BakeDecision decision, Lazy<Verdict> provisional, Verdict window, int consecutiveWindowFailures, string explanation, BakeReason reason)
    {
        Reason = reason;
        Decision = decision;
        _provisional = provisional;
        Window = window;
        ConsecutiveWindowFailures = consecutiveWindowFailures;
        Explanation = explanation;
    }

    /// <summary>What the engine should do now.</summary>
    public BakeDecision Decision { get; }

    /// <summary>The judge's verdict over all the bake's samples.</summary>
    public Verdict Provisional => _provisional.Value;

    /// <summary>The judge's verdict over the policy's recent window; NoData until it has enough samples.</summary>
    public Verdict Window { get; }

    /// <summary>Evaluations in a row whose window failed, counted since the monitor was created.</summary>
    public int ConsecutiveWindowFailures { get; }

    /// <summary>One sentence with the numbers behind the decision.</summary>
    public string Explanation { get; }

    /// <summary>The facts <see cref="Explanation"/> is made of, to say it in another language.</summary>
    public BakeReason Reason { get; }

    /// <summary>
    /// Too few samples to judge the bake: the provisional verdict must be shown as low
    /// confidence, never as a pass.
    /// </summary>
    public bool IsLowConfidence => Provisional.Outcome == CanaryOutcome.NoData;
}

/// <summary>Which of the monitor's sentences explains a decision; each matches one wording of <see cref="BakeAssessment.Explanation"/>.</summary>
public enum BakeReasonKind
{
    /// <summary>"Roll back: the last 6 s failed 3 checks in a row (…)."</summary>
    WindowFailedInARow,

    /// <summary>"Keep baking past the bake's end until the last 6 s are clean (…)."</summary>
    BakingPastTheEnd,

    /// <summary>"Pass: the bake of 60 s passed (…)."</summary>
    BakePassed,

    /// <summary>"Roll back: the bake of 60 s failed (…)."</summary>
    BakeFailed,

    /// <summary>"Pause for a decision: the bake of 60 s is marginal (…)."</summary>
    BakeMarginal,

    /// <summary>"Pause for a decision: the bake of 60 s ended without enough data to judge (…)."</summary>
    BakeWithoutData,

    /// <summary>"Keep baking: the last 6 s failed 1 of the 3 checks in a row that roll back (…)."</summary>
    WindowFailing,

    /// <summary>"Keep baking, 20 s in; the last 6 s: …"</summary>
    Baking,
}

/// <summary>
/// The facts behind a bake decision's sentence: its kind, the durations and counts it names, and
/// the verdict it quotes (the recent window's or the whole bake's, which need not be the one shown).
/// </summary>
public sealed record BakeReason
{
    public BakeReasonKind Kind { get; init; }

    /// <summary>Seconds of the recent window ("the last 6 s").</summary>
    public double WindowSeconds { get; init; }

    /// <summary>Seconds baked so far ("the bake of 60 s", "20 s in").</summary>
    public double BakedSeconds { get; init; }

    /// <summary>Failing window checks in a row.</summary>
    public int Failures { get; init; }

    /// <summary>Failing checks in a row that roll back.</summary>
    public int FailuresToRollBack { get; init; }

    /// <summary>The verdict the sentence quotes.</summary>
    public VerdictFacts Basis { get; init; } = new();
}

/// <summary>A verdict without its sentence: enough to say it again in any language.</summary>
public sealed record VerdictFacts
{
    public CanaryOutcome Outcome { get; init; } = CanaryOutcome.NoData;

    public double? Score { get; init; }

    public IReadOnlyList<MetricResult> Metrics { get; init; } = [];

    public static VerdictFacts Of(Verdict verdict) => new() { Outcome = verdict.Outcome, Score = verdict.Score, Metrics = verdict.Metrics };
}
