using Mcp.Dashboard.Data;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Rollouts.Metrics;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Mcp.Dashboard.Tests.Metrics;

public sealed class HistoryBucketsTests
{
    [Theory]
    [InlineData("2026-01-30T10:00:00Z", "2026-01-30T10:00:00Z")]
    [InlineData("2026-01-30T10:00:09.999Z", "2026-01-30T10:00:00Z")]
    [InlineData("2026-01-30T10:00:10Z", "2026-01-30T10:00:10Z")]
    [InlineData("2026-01-30T18:00:17+08:00", "2026-01-30T10:00:10Z")]
    public void StartOf_AlignsToTheBucketWidthInUtc(string at, string start)
    {
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            HistoryBuckets.StartOf(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(10)));
    }
}

/// <summary>
/// The history on a real SQLite file with the schema our migrations create.
/// </summary>
public sealed class MetricHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 30, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("mcp-metric-history-");
    private readonly TestClock _clock = new(T0);
    private readonly Guid _rollout = Guid.NewGuid();
    private IDbContextFactory<DashboardDbContext> _contexts = null!;

    public async ValueTask InitializeAsync()
    {
        _contexts = new TestContexts($"Data Source={Path.Combine(_folder.FullName, "history.db")}");
        await using var db = await _contexts.CreateDbContextAsync(Ct);
        await db.Database.MigrateAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private (RecentSamples Recent, MetricHistory History, MetricHistoryFlusher Flusher) Create(int retentionDays = 90)
    {
        var options = Options.Create(new MetricsOptions { HistoryBucketSeconds = 10, HistoryRetentionDays = retentionDays });
        var recent = new RecentSamples(options, _clock, NullLogger<RecentSamples>.Instance);
        var history = new MetricHistory(_contexts, options, _clock);
        return (recent, history, new MetricHistoryFlusher(recent, history, options, _clock, NullLogger<MetricHistoryFlusher>.Instance));
    }

    private static MetricSample Canary(double value, DateTimeOffset at, string metric = "error_rate") => new(Cohorts.Canary, metric, value, at);

    [Fact]
    public async Task Flush_ClosedBuckets_AreWrittenWithCountMeanMinMaxAndLastByTime()
    {
        var (recent, history, flusher) = Create();
        _clock.Now = T0.AddSeconds(25);

        // 10:00:00-10:00:10 gets four samples (the latest by time arrives first); 10:00:10 two; 10:00:20 one (still open).
        recent.Append(_rollout, [Canary(4, T0.AddSeconds(9)), Canary(2, T0.AddSeconds(1)), Canary(6, T0.AddSeconds(3)), Canary(0, T0.AddSeconds(5))]);
        recent.Append(_rollout, [Canary(10, T0.AddSeconds(10)), Canary(20, T0.AddSeconds(19.9)), Canary(7, T0.AddSeconds(21))]);

        // A bucket is written once one more whole bucket period has passed after its end.
        Assert.Equal(1, await flusher.FlushAsync(_clock.Now, Ct));
        Assert.Equal(1, await flusher.FlushAsync(T0.AddSeconds(30), Ct));

        var points = await history.ReadAsync(_rollout, null, T0, T0.AddMinutes(1), Ct);
        Assert.Equal([T0, T0.AddSeconds(10)], points.Select(p => p.BucketStart));
        var first = points[0];
        Assert.Equal((4L, 3.0, 0.0, 6.0, 4.0, T0.AddSeconds(9)), (first.Count, first.Mean, first.Min, first.Max, first.Last, first.LastAt));
        Assert.Equal((2L, 15.0, 20.0), (points[1].Count, points[1].Mean, points[1].Last));
        Assert.Equal(("error_rate", Cohorts.Canary), (first.Metric, first.Cohort));
    }

    [Fact]
    public async Task Flush_LateSamplesForAWrittenBucket_AreMergedIntoItsRow()
    {
        var (recent, history, flusher) = Create();
        recent.Append(_rollout, [Canary(1, T0.AddSeconds(1)), Canary(3, T0.AddSeconds(2))]);
        await flusher.FlushAsync(T0.AddMinutes(1), Ct);

        recent.Append(_rollout, [Canary(8, T0.AddSeconds(0.5))]);
        recent.Append(_rollout, [Canary(-4, T0.AddSeconds(9))]);
        await flusher.FlushAsync(DateTimeOffset.MaxValue, Ct);

        var point = Assert.Single(await history.ReadAsync(_rollout, "error_rate", T0, T0.AddMinutes(1), Ct));
        Assert.Equal((4L, 2.0, -4.0, 8.0, -4.0), (point.Count, point.Mean, point.Min, point.Max, point.Last));
    }

    [Fact]
    public async Task Read_FiltersByMetricAndTimeRange_AndOrdersBySeriesThenTime()
    {
        var (recent, history, flusher) = Create();
        recent.Append(_rollout, [Canary(1, T0.AddSeconds(35), "latency_p99_ms"), Canary(1, T0.AddSeconds(5), "latency_p99_ms"), Canary(1, T0.AddSeconds(15)), new(Cohorts.Baseline, "error_rate", 1, T0.AddSeconds(15))]);
        recent.Append(Guid.NewGuid(), [Canary(1, T0.AddSeconds(15))]);
        await flusher.FlushAsync(DateTimeOffset.MaxValue, Ct);

        var all = await history.ReadAsync(_rollout, null, T0, T0.AddMinutes(1), Ct);
        Assert.Equal(["error_rate/baseline", "error_rate/canary", "latency_p99_ms/canary", "latency_p99_ms/canary"], all.Select(p => $"{p.Metric}/{p.Cohort}"));

        var latency = await history.ReadAsync(_rollout, "latency_p99_ms", T0.AddSeconds(10), T0.AddSeconds(40), Ct);
        Assert.Equal([T0.AddSeconds(30)], latency.Select(p => p.BucketStart));
        Assert.Empty(await history.ReadAsync(_rollout, "latency_p99_ms", T0.AddSeconds(10), T0.AddSeconds(30), Ct));
    }

    [Fact]
    public async Task Forget_OpenBucketsAreStillWrittenByTheNextFlush()
    {
        var (recent, history, flusher) = Create();
        recent.Append(_rollout, [Canary(1, T0.AddSeconds(1))]);

        recent.Forget(_rollout);
        await flusher.FlushAsync(T0, Ct);

        Assert.Single(await history.ReadAsync(_rollout, null, T0, T0.AddMinutes(1), Ct));
    }

    [Fact]
    public async Task PurgeExpired_DeletesBucketsOlderThanRetention_AndKeepsTheRest()
    {
        var (recent, history, flusher) = Create(retentionDays: 90);
        recent.Append(_rollout, [Canary(1, T0.AddSeconds(-5)), Canary(2, T0.AddSeconds(5))]);
        await flusher.FlushAsync(DateTimeOffset.MaxValue, Ct);

        _clock.Now = T0.AddDays(90);
        Assert.Equal(1, await history.PurgeExpiredAsync(Ct));

        var kept = Assert.Single(await history.ReadAsync(_rollout, null, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, Ct));
        Assert.Equal(T0, kept.BucketStart);
    }

    [Fact]
    public async Task Flush_WhenTheDatabaseFails_KeepsTheBucketsForTheNextTick()
    {
        var (recent, history, flusher) = Create();
        recent.Append(_rollout, [Canary(1, T0.AddSeconds(1))]);
        await using (var db = await _contexts.CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE MetricHistory RENAME TO MetricHistoryAway", Ct);
        }

        Assert.Equal(0, await flusher.FlushAsync(DateTimeOffset.MaxValue, Ct));

        await using (var db = await _contexts.CreateDbContextAsync(Ct))
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE MetricHistoryAway RENAME TO MetricHistory", Ct);
        }

        Assert.Equal(1, await flusher.FlushAsync(DateTimeOffset.MaxValue, Ct));
        Assert.Single(await history.ReadAsync(_rollout, null, T0, T0.AddMinutes(1), Ct));
    }

    private sealed class TestContexts(string connectionString) : IDbContextFactory<DashboardDbContext>
    {
        private readonly DbContextOptions<DashboardDbContext> _options = new DbContextOptionsBuilder<DashboardDbContext>().UseSqlite(connectionString).Options;

        public DashboardDbContext CreateDbContext() => new(_options);
    }
}
