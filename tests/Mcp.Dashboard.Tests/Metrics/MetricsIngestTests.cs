using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Rollouts.Metrics;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Tests.Metrics;

public sealed class MetricsIngestTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 30, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TestClock _clock = new(Now);
    private readonly TestRolloutLookup _rollouts = new();
    private readonly RecentSamples _recent;
    private readonly MetricsIngest _ingest;

    public MetricsIngestTests()
    {
        var options = Options.Create(new MetricsOptions { MaxBatchSize = 100 });
        _recent = new RecentSamples(options, _clock, NullLogger<RecentSamples>.Instance);
        _ingest = new MetricsIngest(_recent, _rollouts, options, _clock);
    }

    private static MetricSampleInput Good(string metric = "error_rate", double value = 0.02, DateTimeOffset? at = null) => new("canary", metric, value, at ?? Now.AddSeconds(-1));

    private static MetricsBatch Batch(params MetricSampleInput?[] samples) => new(samples);

    [Fact]
    public async Task Ingest_ValidBatch_StoresEverySample_AtDefaultingToNow()
    {
        var id = _rollouts.Add();

        var accepted = await _ingest.IngestAsync(id, Batch(Good(), new("baseline", "error_rate", 0.01, null)), Ct);

        Assert.Equal(2, accepted);
        var baseline = Assert.Single(_recent.Read(id, "error_rate", "baseline", DateTimeOffset.MinValue));
        Assert.Equal(Now, baseline.At);
        Assert.Single(_recent.Read(id, "error_rate", "canary", DateTimeOffset.MinValue));
    }

    public static TheoryData<MetricSampleInput, string> InvalidSamples() => new()
    {
        { new("Canary", "error_rate", 1, null), "samples[1].cohort" },
        { new(null, "error_rate", 1, null), "samples[1].cohort" },
        { new("green", "error_rate", 1, null), "samples[1].cohort" },
        { new("canary", null, 1, null), "samples[1].metric" },
        { new("canary", "", 1, null), "samples[1].metric" },
        { new("canary", "Error_Rate", 1, null), "samples[1].metric" },
        { new("canary", "1xx", 1, null), "samples[1].metric" },
        { new("canary", "error-rate", 1, null), "samples[1].metric" },
        { new("canary", "e" + new string('x', 64), 1, null), "samples[1].metric" },
        { new("canary", "error_rate", null, null), "samples[1].value" },
        { new("canary", "error_rate", double.NaN, null), "samples[1].value" },
        { new("canary", "error_rate", double.PositiveInfinity, null), "samples[1].value" },
        { new("canary", "error_rate", 1, Now.AddMinutes(5).AddSeconds(1)), "samples[1].at" },
        { new("canary", "error_rate", 1, Now.AddMinutes(-15).AddSeconds(-1)), "samples[1].at" },
    };

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public async Task Ingest_OneInvalidSample_NamesItsFieldPath_AndStoresNothing(MetricSampleInput invalid, string field)
    {
        var id = _rollouts.Add();

        var failed = await Assert.ThrowsAsync<ValidationFailed>(() => _ingest.IngestAsync(id, Batch(Good(), invalid, Good()), Ct));

        Assert.Equal([field], failed.Errors.ToDictionary().Keys);
        Assert.Empty(_recent.Read(id, DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData("error_rate")]
    [InlineData("_private")]
    [InlineData("http_requests:rate5m")]
    [InlineData("a")]
    public void IsValidMetricName_AcceptsWhatThePatternAccepts(string name)
    {
        Assert.True(MetricsIngest.IsValidMetricName(name));
        Assert.True(MetricsIngest.IsValidMetricName("x" + new string('y', 63)));
    }

    [Fact]
    public async Task Ingest_ANullSample_IsNamedByItsIndex()
    {
        var failed = await Assert.ThrowsAsync<ValidationFailed>(() => _ingest.IngestAsync(_rollouts.Add(), Batch(Good(), null), Ct));

        Assert.Equal(["samples[1]"], failed.Errors.ToDictionary().Keys);
    }

    [Fact]
    public async Task Ingest_EmptyOrMissingBatch_IsRefused()
    {
        var id = _rollouts.Add();

        Assert.Equal(["samples"], (await Assert.ThrowsAsync<ValidationFailed>(() => _ingest.IngestAsync(id, Batch(), Ct))).Errors.ToDictionary().Keys);
        Assert.Equal(["samples"], (await Assert.ThrowsAsync<ValidationFailed>(() => _ingest.IngestAsync(id, new MetricsBatch(null), Ct))).Errors.ToDictionary().Keys);
        Assert.Equal(["samples"], (await Assert.ThrowsAsync<ValidationFailed>(() => _ingest.IngestAsync(id, null, Ct))).Errors.ToDictionary().Keys);
    }

    [Fact]
    public async Task Ingest_BatchOverTheCap_IsRefusedWhole()
    {
        var id = _rollouts.Add();

        var failed = await Assert.ThrowsAsync<ValidationFailed>(() => _ingest.IngestAsync(id, Batch([.. Enumerable.Range(0, 101).Select(_ => Good())]), Ct));

        Assert.Contains("At most 100", Assert.Single(failed.Errors.For("samples")));
        Assert.Empty(_recent.Read(id, DateTimeOffset.MinValue));
        Assert.Equal(100, await _ingest.IngestAsync(id, Batch([.. Enumerable.Range(0, 100).Select(_ => Good())]), Ct));
    }

    [Fact]
    public async Task Ingest_ManyInvalidSamples_ListsOnlyTheFirstFewAndSaysHowMany()
    {
        var failed = await Assert.ThrowsAsync<ValidationFailed>(() =>
            _ingest.IngestAsync(_rollouts.Add(), Batch([.. Enumerable.Range(0, 100).Select(_ => new MetricSampleInput("x", "error_rate", 1, null))]), Ct));

        Assert.Equal(MetricsIngest.MaxReportedErrors + 1, failed.Errors.Count);
        Assert.Contains("100 samples are invalid", Assert.Single(failed.Errors.For("samples")));
    }

    [Fact]
    public async Task Ingest_UnknownRollout_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFound>(() => _ingest.IngestAsync(Guid.NewGuid(), Batch(Good()), Ct));
    }

    [Theory]
    [InlineData(RolloutState.RolledBack)]
    [InlineData(RolloutState.Succeeded)]
    [InlineData(RolloutState.Failed)]
    [InlineData(RolloutState.Cancelled)]
    public async Task Ingest_FinishedRollout_IsARuleViolation(RolloutState state)
    {
        var id = _rollouts.Add(state);

        var violation = await Assert.ThrowsAsync<RolloutRuleViolation>(() => _ingest.IngestAsync(id, Batch(Good()), Ct));

        Assert.Contains(state.ToString(), violation.Message);
        Assert.Empty(_recent.Read(id, DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData(RolloutState.Pending)]
    [InlineData(RolloutState.Running)]
    [InlineData(RolloutState.Paused)]
    [InlineData(RolloutState.RollingBack)]
    public async Task Ingest_LiveRollout_IsAccepted(RolloutState state)
    {
        Assert.Equal(1, await _ingest.IngestAsync(_rollouts.Add(state), Batch(Good()), Ct));
    }

    [Fact]
    public async Task Ingest_TooManySeries_IsAValidationFailureAndStoresNothing()
    {
        var options = Options.Create(new MetricsOptions { MaxSeriesPerRollout = 1 });
        var recent = new RecentSamples(options, _clock, NullLogger<RecentSamples>.Instance);
        var ingest = new MetricsIngest(recent, _rollouts, options, _clock);
        var id = _rollouts.Add();

        var failed = await Assert.ThrowsAsync<ValidationFailed>(() => ingest.IngestAsync(id, Batch(Good("a"), Good("b")), Ct));

        Assert.Single(failed.Errors.For("samples"));
        Assert.Empty(recent.Read(id, DateTimeOffset.MinValue));
    }
}

public sealed class MetricsOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.True(new ValidateMetricsOptions().Validate(null, new MetricsOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NameEachKey()
    {
        var result = new ValidateMetricsOptions().Validate(null, new MetricsOptions
        {
            RecentMinutes = 0,
            MaxBatchSize = 0,
            HistoryBucketSeconds = 0,
            HistoryRetentionDays = 0,
            HistoryPurgeCron = "every day",
        });

        Assert.True(result.Failed);
        foreach (var key in new[] { "RecentMinutes", "MaxBatchSize", "HistoryBucketSeconds", "HistoryRetentionDays", "HistoryPurgeCron" })
        {
            Assert.Contains($"Metrics:{key}", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
