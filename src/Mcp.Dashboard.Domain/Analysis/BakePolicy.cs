namespace Mcp.Dashboard.Domain.Analysis;

/// <summary>
/// How a bake is watched while it runs. Judging every second over a long bake is many tests,
/// and each one can raise a false alarm, so an early rollback needs a failing verdict on the
/// recent window several evaluations in a row; everything subtler waits for the bake's end,
/// where the whole bake is judged once. The defaults are tuned by the auto-rollback simulation
/// tests against the targets: a doubled error rate rolled back within 10 s, and at most 1% of
/// healthy canary runs (1%, 10%, 50% for 120 s each) rolled back.
/// </summary>
public sealed record BakePolicy
{
    public static BakePolicy Default { get; } = new();

    /// <summary>
    /// The recent window early failure is judged on (default 6 s). Short, so a fault that
    /// starts mid-bake is not diluted by the healthy samples before it: the rank test needs
    /// nearly every canary sample in the window above the baseline, so the window fails once it
    /// is (almost) all bad, and a 6 s window is all bad 6 s after the fault. Ten seconds needs
    /// about 8 bad seconds, which with a confirmation misses the 10 s target.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>
    /// Samples a side the window needs before it is judged (default 6). Six against six is the
    /// smallest sample whose rank test can reach p &lt; 0.01 at all (complete separation gives
    /// p = 0.005 with the normal approximation), so below it the window could never fail.
    /// </summary>
    public int WindowMinSamples { get; init; } = 6;

    /// <summary>
    /// Significance level of the window's rank test (default 0.01, the judge's own). With six a
    /// side it already demands 35 of 36 canary-baseline pairs be worse; the tolerance check and
    /// the confirmation below keep the false alarms of a look a second rare.
    /// </summary>
    public double WindowAlpha { get; init; } = 0.01;

    /// <summary>
    /// Consecutive failing evaluations of the window that roll back (default 2). A look a second
    /// over a 360 s canary is 360 tests; noise that fails one window must also fail the next,
    /// with a fresh sample in it, while a real fault keeps failing. Each extra confirmation
    /// costs a second of detection; two gave 1 false rollback in 1,000 healthy runs, see
    /// AutoRollbackSimulationTests.
    /// </summary>
    public int ConsecutiveFailures { get; init; } = 2;

    /// <summary>The judge's options for the whole bake, judged for display and once at the end.</summary>
    public JudgeOptions BakeJudge { get; init; } = JudgeOptions.Default;

    internal JudgeOptions WindowJudge => BakeJudge with { MinSamples = WindowMinSamples, Alpha = WindowAlpha };
}
