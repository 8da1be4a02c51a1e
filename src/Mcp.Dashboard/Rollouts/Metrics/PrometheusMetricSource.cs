using System.Globalization;
using System.Text.Json;
using Mcp.Dashboard.Domain.Analysis;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Rollouts.Metrics;

/// <summary>
/// Reads baseline and canary values of a plan's analysis metrics from Prometheus, with one
/// instant query (<c>GET /api/v1/query?query=...&amp;time=...</c>) per metric and cohort. A query
/// that yields no series, NaN or an infinity gives no sample (too few samples is the judge's
/// to say); anything else that goes wrong throws <see cref="PrometheusQueryException"/>.
/// </summary>
public sealed class PrometheusMetricSource(IHttpClientFactory clients, ILogger<PrometheusMetricSource> logger)
{
    /// <summary>The named HttpClient: a 10 s timeout and a 1 MiB answer cap.</summary>
    public const string HttpClientName = "prometheus";

    /// <summary>One sample per metric and cohort that has a value at <paramref name="at"/>.</summary>
    /// <param name="metrics">The plan's analysis metrics; empty reads error_rate and latency_p99_ms.</param>
    /// <exception cref="PrometheusQueryException">A query could not be answered.</exception>
    public async Task<IReadOnlyList<MetricSample>> ReadAsync(PrometheusSettings prometheus, IReadOnlyList<AnalysisMetric> metrics, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        if (!Uri.TryCreate(prometheus.Url, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
        {
            throw new PrometheusQueryException($"The Prometheus URL '{prometheus.Url}' is not an absolute http(s) URL.");
        }

        if (metrics.Count == 0)
        {
            metrics = [.. PrometheusSettings.DefaultMetricNames.Select(name => new AnalysisMetric { Name = name })];
        }

        var client = clients.CreateClient(HttpClientName);
        var reads = new List<Task<MetricSample?>>();
        foreach (var metric in metrics)
        {
            var query = PrometheusSettings.QueryFor(metric)
                ?? throw new PrometheusQueryException($"There is no Prometheus query for {metric.Name}; give the metric a query.");
            reads.Add(ReadOneAsync(client, server, metric.Name, Cohorts.Baseline, Expand(query, prometheus.BaselineSelector, prometheus), at, cancellationToken));
            reads.Add(ReadOneAsync(client, server, metric.Name, Cohorts.Canary, Expand(query, prometheus.CanarySelector, prometheus), at, cancellationToken));
        }

        var samples = await Task.WhenAll(reads);
        return [.. samples.OfType<MetricSample>()];
    }

    /// <summary>The query with the cohort's selector and the lookback filled in.</summary>
    public static string Expand(string query, string selector, PrometheusSettings prometheus)
    {
        var lookback = (prometheus.LookbackSeconds ?? PrometheusSettings.DefaultLookbackSeconds).ToString(CultureInfo.InvariantCulture) + "s";
        return query
            .Replace(PrometheusSettings.SelectorPlaceholder, selector.Trim(), StringComparison.Ordinal)
            .Replace(PrometheusSettings.LookbackPlaceholder, lookback, StringComparison.Ordinal);
    }

    internal static Uri QueryUri(Uri server, string query, DateTimeOffset at)
    {
        // Keep a path prefix (https://host/prometheus) and drop any query string or fragment.
        var basePath = server.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var time = (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.###", CultureInfo.InvariantCulture);
        return new Uri($"{basePath}/api/v1/query?query={Uri.EscapeDataString(query)}&time={time}");
    }

    private async Task<MetricSample?> ReadOneAsync(HttpClient client, Uri server, string metric, string cohort, string query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var what = $"the {cohort} {metric} query";
        var host = server.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(QueryUri(server, query, at), cancellationToken);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PrometheusQueryException($"Prometheus at {host} did not answer {what} within {client.Timeout.TotalSeconds:0} s.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new PrometheusQueryException($"Could not reach Prometheus at {host} for {what}: {Describe(exception)}.", exception);
        }

        using (response)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
            }
            catch (Exception exception) when (exception is JsonException or HttpRequestException or IOException)
            {
                throw new PrometheusQueryException($"Prometheus at {host} answered {what} with HTTP {(int)response.StatusCode}, not a Prometheus API answer.", exception);
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || Text(root, "status") != "success")
                {
                    var error = Text(root, "error") is { } message ? $"{Text(root, "errorType") ?? "error"}: {Shorten(message)}" : $"HTTP {(int)response.StatusCode}";
                    throw new PrometheusQueryException($"Prometheus at {host} refused {what} ({error}).");
                }

                var value = ReadValue(root, what, host);
                if (value is not { } number || !double.IsFinite(number))
                {
                    logger.LogDebug("Prometheus {Host} had no value for {Cohort} {Metric} at {At}.", host, cohort, metric, at);
                    return null;
                }

                return new MetricSample(cohort, metric, number, at);
            }
        }
    }

    private static double? ReadValue(JsonElement root, string what, string host)
    {
        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new PrometheusQueryException($"Prometheus at {host} answered {what} without data.");
        }

        JsonElement pair;
        switch (Text(data, "resultType"))
        {
            case "scalar":
                pair = data.GetProperty("result");
                break;
            case "vector":
                var result = data.GetProperty("result");
                var count = result.GetArrayLength();
                if (count == 0)
                {
                    return null;
                }

                if (count > 1)
                {
                    throw new PrometheusQueryException($"Prometheus answered {what} with {count} series; the query must give one value per cohort, e.g. wrap it in sum(...).");
                }

                pair = result[0].GetProperty("value");
                break;
            case var other:
                throw new PrometheusQueryException($"Prometheus answered {what} with a {other ?? "missing"} result; use an instant query that gives one number (a range vector needs rate(...) or similar).");
        }

        return pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2 && pair[1].ValueKind == JsonValueKind.String
            && double.TryParse(pair[1].GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string message) => message.Length <= 300 ? message : message[..300] + "…";

    private static string Describe(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the host name did not resolve",
        HttpRequestError.ConnectionError => "the connection was refused or failed",
        HttpRequestError.SecureConnectionError => "the TLS connection failed",
        _ when exception.StatusCode is { } status => $"HTTP {(int)status}",
        _ => "the request failed",
    };
}
