using Mcp.Dashboard.Domain.Analysis;

namespace Mcp.Dashboard.Rollouts;

/// <summary>
/// Stand-in sample reader until the metrics store lands: reads no samples, so an analysed step
/// is judged on no data (held for a person) rather than passed. <see cref="RolloutServices"/>
/// registers it by this name; delete this file when the real reader takes the registration.
/// </summary>
internal sealed class TempReader : IRolloutSampleReader
{
    public IReadOnlyList<MetricSample> Read(Guid rolloutId, DateTimeOffset since) => [];
}
