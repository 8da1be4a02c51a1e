namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>
/// Prometheus could not answer a metric's query: unreachable, slow, an error status, a query it
/// rejected, or an answer with more than one series. The message is a sentence for the rollout's
/// event log and names the metric and the cohort.
/// </summary>
public sealed class PrometheusQueryException : Exception
{
    public PrometheusQueryException()
    {
    }

    public PrometheusQueryException(string message)
        : base(message)
    {
    }

    public PrometheusQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
