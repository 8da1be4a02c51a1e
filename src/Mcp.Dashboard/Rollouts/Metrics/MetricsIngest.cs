using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Rollouts;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>An ingest request: <c>{ "samples": [ { "cohort", "metric", "value", "at" } ] }</c>.</summary>
public sealed record MetricsBatch(IReadOnlyList<MetricSampleInput?>? Samples);

/// <summary>One sample as a client sends it; <c>at</c> is optional (now).</summary>
public sealed record MetricSampleInput(string? Cohort, string? Metric, double? Value, DateTimeOffset? At);

/// <summary>
/// Takes samples from outside (the ingest API) into <see cref="RecentSamples"/>: checks the
/// rollout exists and still runs, checks every sample, and stores the batch whole or not at all.
/// </summary>
/// <remarks>
/// Ingest is not audited per batch: samples are data, not an action, and at thousands of
/// batches a minute they would drown the trail. Who may send them is still checked (an
/// authenticated operator) at the endpoint.
/// </remarks>
public sealed class MetricsIngest(RecentSamples recent, IRolloutLookup rollouts, IOptions<MetricsOptions> options, TimeProvider time)
{
    /// <summary>How far ahead of our clock a sample may be stamped (clock skew between hosts).</summary>
    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    /// <summary>How many field errors one answer lists; a hostile 10,000-sample batch must not produce a 10,000-entry answer.</summary>
    public const int MaxReportedErrors = 50;

    public const string MetricNamePattern = "^[a-z_][a-z0-9_:]{0,63}$";

    /// <summary>Stores the batch and returns how many samples were accepted.</summary>
    /// <exception cref="NotFound">No such rollout.</exception>
    /// <exception cref="RolloutRuleViolation">The rollout is finished.</exception>
    /// <exception cref="ValidationFailed">Any sample is invalid; nothing is stored.</exception>
    public async Task<int> IngestAsync(Guid rolloutId, MetricsBatch? batch, CancellationToken cancellationToken)
    {
        var state = await rollouts.FindStateAsync(rolloutId, cancellationToken) ?? throw new NotFound($"Rollout {rolloutId}");
        if (RolloutStateMachine.IsFinished(state))
        {
            throw new RolloutRuleViolation($"The rollout is {state}; it takes no more metric samples.");
        }

        var samples = Validate(batch, options.Value, time.GetUtcNow());
        if (!recent.TryAppend(rolloutId, samples, out var refusal))
        {
            throw ValidationFailed.For("samples", refusal!);
        }

        return samples.Length;
    }

    /// <summary>Checks every sample and returns them as domain samples, or throws with a message per field path.</summary>
    public static MetricSample[] Validate(MetricsBatch? batch, MetricsOptions settings, DateTimeOffset now)
    {
        var inputs = batch?.Samples;
        if (inputs is null || inputs.Count == 0)
        {
            throw ValidationFailed.For("samples", "Send at least one sample.");
        }

        if (inputs.Count > settings.MaxBatchSize)
        {
            throw ValidationFailed.For("samples", $"At most {settings.MaxBatchSize} samples per request; this one has {inputs.Count}. Split it.");
        }

        var errors = new ValidationErrors();
        var invalidSamples = 0;
        var samples = new MetricSample[inputs.Count];
        var latest = now + MaxFutureSkew;
        var oldest = now - settings.RecentWindow;
        string? previousMetric = null;
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var valid = true;
            if (input is null)
            {
                Report(i, "", "A sample is required here.");
            }
            else
            {
                var cohort = input.Cohort switch
                {
                    Cohorts.Baseline => Cohorts.Baseline,
                    Cohorts.Canary => Cohorts.Canary,
                    _ => null,
                };
                if (cohort is null)
                {
                    Report(i, ".cohort", $"Cohort must be '{Cohorts.Baseline}' or '{Cohorts.Canary}'.");
                }

                // Consecutive samples of one metric share one string, so the buffers hold one copy.
                var metric = input.Metric == previousMetric ? previousMetric : input.Metric;
                if (!IsValidMetricName(metric))
                {
                    Report(i, ".metric", string.IsNullOrEmpty(metric)
                        ? "A metric name is required."
                        : "A metric name is 1-64 characters: a lowercase letter or '_' first, then lowercase letters, digits, '_' or ':'.");
                }

                if (input.Value is not { } value)
                {
                    Report(i, ".value", "A value is required.");
                }
                else if (!double.IsFinite(value))
                {
                    Report(i, ".value", "The value must be a finite number.");
                }

                var at = input.At ?? now;
                if (at > latest)
                {
                    Report(i, ".at", $"The time is more than {MaxFutureSkew.TotalMinutes:0} minutes in the future; check the sender's clock.");
                }
                else if (at < oldest)
                {
                    Report(i, ".at", $"The time is older than the last {settings.RecentMinutes} minutes this dashboard keeps.");
                }

                if (valid && invalidSamples == 0)
                {
                    samples[i] = new MetricSample(cohort!, metric!, input.Value!.Value, at);
                    previousMetric = metric;
                }
            }

            if (!valid)
            {
                invalidSamples++;
            }

            void Report(int index, string field, string message)
            {
                // Every invalid sample is counted; only the first few are listed.
                if (invalidSamples < MaxReportedErrors)
                {
                    errors.Add($"samples[{index}]{field}", message);
                }

                valid = false;
            }
        }

        if (invalidSamples > 0)
        {
            if (invalidSamples > MaxReportedErrors)
            {
                errors.Add("samples", $"{invalidSamples} samples are invalid; the first {MaxReportedErrors} are listed. Nothing was stored.");
            }

            throw new ValidationFailed(errors);
        }

        return samples;
    }

    /// <summary>Equivalent to <see cref="MetricNamePattern"/>, without a regex: it runs once per sample at 50,000 samples a second.</summary>
    public static bool IsValidMetricName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            return false;
        }

        var first = name[0];
        if (!(first is >= 'a' and <= 'z' or '_'))
        {
            return false;
        }

        foreach (var c in name.AsSpan(1))
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or ':'))
            {
                return false;
            }
        }

        return true;
    }
}
