using System.Net.Http.Json;
using System.Text.Json;
using Mcp.Dashboard.Hosting;

namespace Mcp.Dashboard.Tests.Infrastructure;

/// <summary>JSON the way the API speaks it: camelCase, enums as strings.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, Options);

    public static Task<HttpResponseMessage> PutJson<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, Options);

    /// <summary>PUT with the ETag a GET returns right now: for tests whose subject is not concurrency.</summary>
    public static async Task<HttpResponseMessage> PutCurrent<T>(this HttpClient client, string url, T body)
    {
        var current = await client.GetAsync(url);
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Options) };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> DeleteCurrent(this HttpClient client, string url)
    {
        var current = await client.GetAsync(url);
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        return await client.SendAsync(request);
    }

    public static async Task<T> Read<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Options))!;

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        DashboardServices.ConfigureJson(options);
        options.RespectNullableAnnotations = false;
        return options;
    }
}
