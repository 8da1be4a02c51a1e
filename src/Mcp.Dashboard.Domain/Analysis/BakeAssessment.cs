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

    internal BakeAssessment(BakeDecision decision, Lazy<Verdict> provisional, Verdict window, int consecutiveWindowFailures, string explanation)
    {
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

    /// <summary>
    /// Too few samples to judge the bake: the provisional verdict must be shown as low
    /// confidence, never as a pass.
    /// </summary>
    public bool IsLowConfidence => Provisional.Outcome == CanaryOutcome.NoData;
}
