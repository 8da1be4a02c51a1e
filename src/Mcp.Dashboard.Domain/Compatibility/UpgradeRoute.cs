namespace Mcp.Dashboard.Domain.Compatibility;

/// <summary>
/// Finds a way from one version to another through known versions, each step satisfying the rules.
/// </summary>
/// <remarks>
/// Steps only go upwards, so the candidates form a DAG in version order: a backwards pass counts the
/// fewest steps from each candidate to the target, and a forwards walk then takes, at every step, the
/// highest version that keeps the path shortest. That is what a release manager would pick by hand:
/// as few maintenance windows as possible, each landing on the latest patch of its release line.
/// Pre-releases are never suggested as stepping stones.
/// </remarks>
internal static class UpgradeRoute
{
    private const int Unreachable = int.MaxValue;

    /// <returns>The path including both ends, or <see langword="null"/> when there is none.</returns>
    public static IReadOnlyList<PlatformVersion>? Find(
        PlatformVersion from,
        PlatformVersion to,
        IReadOnlyList<UpgradePathRule> rules,
        IEnumerable<PlatformVersion> knownVersions)
    {
        List<PlatformVersion> stops =
        [
            from,
            .. knownVersions.Where(v => !v.IsPrerelease && v > from && v < to).Distinct().Order(),
            to,
        ];
        var target = stops.Count - 1;

        var stepsToTarget = new int[stops.Count];
        Array.Fill(stepsToTarget, Unreachable);
        stepsToTarget[target] = 0;
        for (var i = target - 1; i >= 0; i--)
        {
            for (var j = i + 1; j <= target; j++)
            {
                if (stepsToTarget[j] != Unreachable
                    && stepsToTarget[j] + 1 < stepsToTarget[i]
                    && CanStep(i, j))
                {
                    stepsToTarget[i] = stepsToTarget[j] + 1;
                }
            }
        }

        if (stepsToTarget[0] == Unreachable)
        {
            return null;
        }

        var path = new List<PlatformVersion> { from };
        for (var current = 0; current != target;)
        {
            var next = target;
            while (stepsToTarget[next] != stepsToTarget[current] - 1 || !CanStep(current, next))
            {
                next--;
            }

            path.Add(stops[next]);
            current = next;
        }

        return path;

        bool CanStep(int i, int j) => UpgradeHop.Assess(stops[i], stops[j], rules, findings: null);
    }
}
