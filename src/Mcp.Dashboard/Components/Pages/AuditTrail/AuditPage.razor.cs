using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Mcp.Dashboard.Audit;
using Microsoft.AspNetCore.Components;

namespace Mcp.Dashboard.Components.Pages.AuditTrail;

/// <summary>The audit trail, newest first, with filters and keyset paging.</summary>
public partial class AuditPage
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private TimeZoneInfo _zone = TimeZoneInfo.Local;
    private bool _loading;
    private string? _error;

    [Inject]
    public required AuditReader Reader { get; init; }

    /// <summary><c>/audit?planId=...</c> opens the trail of one plan.</summary>
    [SupplyParameterFromQuery(Name = "planId")]
    public string? PlanIdFromQuery { get; set; }

    internal AuditViewModel Model { get; } = new();

    protected override async Task OnInitializedAsync()
    {
        Model.PlanId = PlanIdFromQuery;
        await ApplyAsync();
    }

    private async Task ApplyAsync()
    {
        if (Model.PlanIdError is not null)
        {
            return;
        }

        await RunAsync(async () => Model.Replace(await Reader.QueryAsync(Model.ToQuery())));
    }

    private DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone);

    private void OnTimeZone(TimeZoneInfo zone)
    {
        _zone = zone;
        Model.TimeZone = zone;
    }

    private Task LoadOlderAsync() => RunAsync(async () => Model.Append(await Reader.QueryAsync(Model.NextPageQuery())));

    private Task FromChangedAsync(DateTime? from)
    {
        Model.From = from;
        return ApplyAsync();
    }

    private Task ToChangedAsync(DateTime? to)
    {
        Model.To = to;
        return ApplyAsync();
    }

    private Task ClearAsync()
    {
        Model.Clear();
        return ApplyAsync();
    }

    private async Task RunAsync(Func<Task> load)
    {
        _loading = true;
        try
        {
            await load();
            _error = null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _error = L["The audit trail could not be read: {0}", exception.Message];
        }
        finally
        {
            _loading = false;
        }
    }

    /// <summary>GUIDs are long and alike at the start of a v7 batch; the tail tells them apart.</summary>
    private static string ShortId(string id) => Guid.TryParse(id, out _) ? "…" + id[^8..] : id;

    internal static string? Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
