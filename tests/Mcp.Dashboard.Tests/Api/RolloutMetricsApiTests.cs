using System.Net;
using System.Text;
using Mcp.Dashboard.Demo;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Jobs;
using Mcp.Dashboard.Rollouts;
using Mcp.Dashboard.Rollouts.Metrics;
using Mcp.Dashboard.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Mcp.Dashboard.Tests.Api;

/// <summary>The real host with known rollouts from a <see cref="TestRolloutLookup"/> (rollouts are not stored on this branch yet).</summary>
public sealed class RolloutMetricsHost : IAsyncLifetime
{
    public RolloutMetricsHost() =>
        Host = new DashboardHost { TestServices = services => services.AddSingleton<IRolloutLookup>(Rollouts) };

    public TestRolloutLookup Rollouts { get; } = new();

    public DashboardHost Host { get; }

    public RecentSamples Recent => Host.Services.GetRequiredService<RecentSamples>();

    public ValueTask InitializeAsync() => Host.InitializeAsync();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

public sealed class RolloutMetricsApiTests(RolloutMetricsHost fixture) : IClassFixture<RolloutMetricsHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Body(params object[] samples) => new { samples };

    private static object Sample(string cohort = "canary", string metric = "error_rate", double value = 0.02) =>
        new { cohort, metric, value, at = DateTimeOffset.UtcNow.AddSeconds(-1) };

    [Fact]
    public async Task Post_ByEngineer_Is202_AndTheSamplesAreReadable()
    {
        var id = fixture.Rollouts.Add();
        using var engineer = fixture.Host.ClientFor(DemoAccounts.Engineer);

        var response = await engineer.PostJson($"/api/v1/rollouts/{id}/metrics", Body(Sample(), Sample("baseline", value: 0.01), new { cohort = "canary", metric = "latency_p99_ms", value = 120.5 }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, (await response.ReadJson()).GetProperty("accepted").GetInt32());
        Assert.Equal(["error_rate", "latency_p99_ms"], fixture.Recent.Metrics(id));
        Assert.Equal([0.01], fixture.Recent.ReadValues(id, "error_rate", "baseline", DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData("ReleaseManager")]
    [InlineData("Admin")]
    public async Task Post_ByOtherOperators_Is202(string role)
    {
        var account = role == "Admin" ? DemoAccounts.Admin : DemoAccounts.ReleaseManager;
        using var client = fixture.Host.ClientFor(account);

        var response = await client.PostJson($"/api/v1/rollouts/{fixture.Rollouts.Add()}/metrics", Body(Sample()));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Post_Anonymous_Is401_Stakeholder_Is403_AndNothingIsStored()
    {
        var id = fixture.Rollouts.Add();
        using var anonymous = fixture.Host.ClientFor(null);
        using var stakeholder = fixture.Host.ClientFor(DemoAccounts.Stakeholder);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJson($"/api/v1/rollouts/{id}/metrics", Body(Sample()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stakeholder.PostJson($"/api/v1/rollouts/{id}/metrics", Body(Sample()))).StatusCode);
        Assert.Empty(fixture.Recent.Read(id, DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task Post_InvalidSample_Is400ProblemWithFieldPaths_AndNothingIsStored()
    {
        var id = fixture.Rollouts.Add();
        using var engineer = fixture.Host.ClientFor(DemoAccounts.Engineer);

        var response = await engineer.PostJson($"/api/v1/rollouts/{id}/metrics",
            Body(Sample(), Sample(), Sample(), new { cohort = "blue", metric = "Error Rate", value = 1, at = "2000-01-01T00:00:00Z" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJson()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("samples[3].cohort", out _));
        Assert.True(errors.TryGetProperty("samples[3].metric", out _));
        Assert.True(errors.TryGetProperty("samples[3].at", out _));
        Assert.Empty(fixture.Recent.Read(id, DateTimeOffset.MinValue));
    }

    [Theory]
    [InlineData("{ \"samples\": [] }")]
    [InlineData("{ }")]
    [InlineData("{ \"samples\": [ { \"cohort\": \"canary\", \"metric\": \"x\", \"value\": \"NaN\" } ] }")]
    [InlineData("{ \"samples\": [ { \"cohort\": \"canary\", \"metric\": \"x\", \"value\": 1e999 } ] }")]
    [InlineData("{ \"samples\": ")]
    [InlineData("[1, 2, 3]")]
    public async Task Post_EmptyOrMalformed_Is400Problem(string json)
    {
        using var engineer = fixture.Host.ClientFor(DemoAccounts.Engineer);

        var response = await engineer.PostAsync($"/api/v1/rollouts/{fixture.Rollouts.Add()}/metrics", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_UnknownRollout_Is404Problem()
    {
        using var engineer = fixture.Host.ClientFor(DemoAccounts.Engineer);

        var response = await engineer.PostJson($"/api/v1/rollouts/{Guid.NewGuid()}/metrics", Body(Sample()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(RolloutState.RolledBack)]
    [InlineData(RolloutState.Succeeded)]
    [InlineData(RolloutState.Failed)]
    [InlineData(RolloutState.Cancelled)]
    public async Task Post_FinishedRollout_Is409ProblemSayingWhy(RolloutState state)
    {
        var id = fixture.Rollouts.Add(state);
        using var engineer = fixture.Host.ClientFor(DemoAccounts.Engineer);

        var response = await engineer.PostJson($"/api/v1/rollouts/{id}/metrics", Body(Sample()));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(state.ToString(), (await response.ReadJson()).GetProperty("detail").GetString());
        Assert.Empty(fixture.Recent.Read(id, DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task Post_AFullBatchOfLongNames_FitsTheBodyLimit_AndOneMoreIsRefused()
    {
        // 10,000 samples with 64-character names is about 1.4 MB, over the general 1 MiB limit.
        var id = fixture.Rollouts.Add();
        using var engineer = fixture.Host.ClientFor(DemoAccounts.Engineer);
        var name = "m" + new string('x', 63);
        var at = DateTimeOffset.UtcNow.AddSeconds(-1);
        var samples = Enumerable.Range(0, 10_000).Select(i => (object)new { cohort = "canary", metric = name, value = i, at }).ToArray();

        var full = await engineer.PostJson($"/api/v1/rollouts/{id}/metrics", Body(samples));
        var over = await engineer.PostJson($"/api/v1/rollouts/{id}/metrics", Body([.. samples, Sample()]));

        Assert.Equal(HttpStatusCode.Accepted, full.StatusCode);
        Assert.Equal(10_000, fixture.Recent.ReadValues(id, name, "canary", DateTimeOffset.MinValue).Length);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
    }

    [Fact]
    public async Task Scheduler_HasTheDurablePurgeJobWithADailyCronTrigger()
    {
        var scheduler = await fixture.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);

        var job = await scheduler.GetJobDetail(MetricHistoryPurgeJob.Key, Ct);
        var trigger = await scheduler.GetTrigger(MetricHistoryPurgeJob.TriggerKey, Ct);

        Assert.NotNull(job);
        Assert.True(job.Durable);
        var cron = Assert.IsAssignableFrom<ICronTrigger>(trigger);
        Assert.Equal(new MetricsOptions().HistoryPurgeCron, cron.CronExpressionString);
    }
}
