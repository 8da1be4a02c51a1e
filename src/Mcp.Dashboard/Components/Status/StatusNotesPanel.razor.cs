using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Localization;
using Mcp.Dashboard.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;

namespace Mcp.Dashboard.Components.Status;

public sealed partial class StatusNotesPanel : IDisposable
{
    private IReadOnlyList<StatusNote>? _notes;
    private Actor? _actor;
    private bool _mayWrite;
    private bool _busy;
    private string? _text;
    private string? _error;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private IDisposable? _subscription;

    [Inject]
    public required StatusNoteService Notes { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required IStringLocalizer<StatusNotesPanel> L { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The plan whose notes are shown.</summary>
    [Parameter, EditorRequired]
    public Guid PlanId { get; set; }

    /// <summary>True for a plan marked internal: its notes are kept but never published.</summary>
    [Parameter]
    public bool Internal { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        _mayWrite = _actor is not null && await Notes.MayWriteAsync(_actor, PlanId);
        await LoadAsync();
        _subscription = Changes.SubscribeCoalesced(StatusNoteService.Topic, PlanId.ToString(), OnChangedAsync);
    }

    public void Dispose() => _subscription?.Dispose();

    private async Task LoadAsync()
    {
        try
        {
            _notes = await Notes.ListAsync(PlanId);
        }
        catch (NotFound)
        {
            _notes = [];
        }
    }

    private async Task OnChangedAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task PostAsync()
    {
        if (_actor is null || string.IsNullOrWhiteSpace(_text))
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            await Notes.AddAsync(_actor, PlanId, _text);
            _text = null;
            await LoadAsync();
        }
        catch (Exception exception) when (exception is ValidationFailed or PlanAccessDenied or NotFound)
        {
            _error = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DeleteAsync(StatusNote note)
    {
        _busy = true;
        _error = null;
        try
        {
            await Notes.DeleteAsync(_actor!, PlanId, note.Id);
            await LoadAsync();
        }
        catch (Exception exception) when (exception is PlanAccessDenied or NotFound)
        {
            _error = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private bool MayDelete(StatusNote note) => _actor is not null && (_actor.IsAdmin || _actor.Is(note.Author));

    private string When(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var zone = _zone == TimeZoneInfo.Utc ? "UTC" : _zone.Id;
        return $"{ReaderFormats.DateAndTime(local.DateTime)} {zone}";
    }

    private void OnTimeZone(TimeZoneInfo zone) => _zone = zone;
}
