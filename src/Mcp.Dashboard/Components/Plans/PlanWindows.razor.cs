using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Components.Schedule;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Schedule;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Plans;

public sealed partial class PlanWindows : IDisposable
{
    private IReadOnlyList<WindowView>? _windows;
    private Actor? _actor;
    private bool _busy;
    private string? _error;
    private IDisposable? _subscription;

    private string? _start;
    private string? _length = "2h";
    private string? _end;
    private string _zone = ScheduleDisplay.DefaultZone;
    private (DateTimeOffset Start, DateTimeOffset End)? _slot;
    private Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private IReadOnlyList<ScheduleConflict> _liveConflicts = [];
    private IReadOnlyList<string> _bookConflicts = [];
    private int _checkVersion;

    private bool _preferHours = true;
    private string? _preferFrom = "00:00";
    private string? _preferTo = "06:00";
    private IReadOnlyList<FreeWindow>? _suggestions;
    private string? _suggestError;

    [Inject]
    public required ScheduleService Schedule { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The plan whose windows are shown.</summary>
    [Parameter, EditorRequired]
    public Guid PlanId { get; set; }

    /// <summary>False when the plan is running or finished and can get no new window.</summary>
    [Parameter]
    public bool Editable { get; set; } = true;

    /// <summary>The zone the booking form starts in.</summary>
    [Parameter]
    public string TimeZoneId { get; set; } = ScheduleDisplay.DefaultZone;

    /// <summary>The reader's zone: booked windows are shown in it (and in their own zone when that differs). Null shows each window in its own zone.</summary>
    [Parameter]
    public TimeZoneInfo? ReaderZone { get; set; }

    private string ShownZone(string windowZone) => ReaderZone?.Id ?? windowZone;

    private bool CanBook => Editable && _actor?.IsInAnyRole(DashboardRoles.Authors) == true;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        _zone = ScheduleDisplay.CommonZones.Contains(TimeZoneId) ? TimeZoneId : ScheduleDisplay.DefaultZone;
        var tomorrow = DateOnly.FromDateTime(WallClock.ToLocal(Clock.GetUtcNow(), ScheduleDisplay.Zone(_zone))).AddDays(1);
        _start = ScheduleDisplay.ToLocalInput(tomorrow.ToDateTime(new TimeOnly(1, 0)));

        // Someone else's booking or a new blackout changes our conflicts, so listen to the whole topic.
        _subscription = Changes.SubscribeCoalesced(ScheduleService.Topic, null, OnChangedAsync);
        await LoadAsync();
        if (CanBook)
        {
            await CheckAsync();
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
    }

    private async Task LoadAsync()
    {
        try
        {
            _windows = await Schedule.ListWindowsAsync(PlanId);
        }
        catch (NotFound notFound)
        {
            _windows = [];
            _error = notFound.Message;
        }
    }

    private async Task OnChangedAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await LoadAsync();
                if (CanBook)
                {
                    await CheckAsync();
                }

                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private Task StartChangedAsync(string value)
    {
        _start = value;
        return CheckAsync();
    }

    private Task LengthChangedAsync(string value)
    {
        _length = value;
        return CheckAsync();
    }

    private Task EndChangedAsync(string value)
    {
        _end = value;
        return CheckAsync();
    }

    private Task ZoneChangedAsync(string value)
    {
        _zone = value;
        _suggestions = null;
        return CheckAsync();
    }

    /// <summary>Reads the form into a slot and asks what it would collide with, without booking.</summary>
    private async Task CheckAsync()
    {
        var version = ++_checkVersion;
        _bookConflicts = [];
        _slot = ReadSlot();
        if (_slot is not { } slot)
        {
            _liveConflicts = [];
            return;
        }

        // The service counts the plan's own windows too, so a double booking shows here.
        var conflicts = await Schedule.ConflictsAsync(PlanId, slot.Start, slot.End);

        // Typing fast starts several checks; only the latest one may write its answer.
        if (version == _checkVersion)
        {
            _liveConflicts = conflicts;
        }
    }

    private (DateTimeOffset Start, DateTimeOffset End)? ReadSlot()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var zone = ScheduleDisplay.Zone(_zone);
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        if (ScheduleDisplay.TryParseLocal(_start, out var localStart))
        {
            start = WallClock.ToInstant(localStart, zone);
        }
        else
        {
            errors[ScheduleFieldNames.Start] = [L["Give a start date and time."]];
        }

        if (!string.IsNullOrWhiteSpace(_end))
        {
            if (ScheduleDisplay.TryParseLocal(_end, out var localEnd))
            {
                end = WallClock.ToInstant(localEnd, zone);
            }
            else
            {
                errors[ScheduleFieldNames.End] = [L["Give an end date and time, or clear it and give a length."]];
            }
        }
        else if (ScheduleDisplay.TryReadLength(_length, out var length))
        {
            end = start + length;
        }
        else
        {
            errors[ScheduleFieldNames.Length] = [L["Write a length such as 2h, 1h 30m or PT2H."]];
        }

        if (start is { } s && end is { } e)
        {
            foreach (var (field, messages) in MaintenanceWindow.Validate(s, e, _zone))
            {
                // The end is derived from the length when no end is typed, so say it there.
                errors[string.IsNullOrWhiteSpace(_end) && field == ScheduleFieldNames.End ? ScheduleFieldNames.Length : field] = messages;
            }
        }

        _errors = errors;
        return errors.Count == 0 && start is { } okStart && end is { } okEnd ? (okStart, okEnd) : null;
    }

    private Task BookAsync() =>
        _slot is { } slot ? BookSlotAsync(slot.Start, slot.End, _zone) : Task.CompletedTask;

    private async Task BookSuggestionAsync(FreeWindow suggestion)
    {
        await BookSlotAsync(suggestion.Start, suggestion.End, suggestion.TimeZoneId);
        _suggestions = _suggestions?.Where(s => s != suggestion).ToList();
    }

    private async Task BookSlotAsync(DateTimeOffset start, DateTimeOffset end, string zoneId)
    {
        _busy = true;
        _error = null;
        _bookConflicts = [];
        try
        {
            await Schedule.BookWindowAsync(_actor!, PlanId, start, end, zoneId, null);
            Snackbar.Add(L["Window booked: {0}.", ScheduleDisplay.Range(start, end, zoneId)], Severity.Success);
            await LoadAsync();
            await CheckAsync();
        }
        catch (ScheduleConflictException conflict)
        {
            _bookConflicts = conflict.Conflicts;
        }
        catch (ScheduleValidationException invalid)
        {
            _errors = invalid.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        }
        catch (ValidationFailed failed)
        {
            _errors = new Dictionary<string, string[]>(failed.Errors.ToDictionary(), StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is PlanRuleViolation or PlanAccessDenied or NotFound)
        {
            _error = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SuggestAsync()
    {
        _suggestError = null;
        if (!ScheduleDisplay.TryReadLength(_length, out var length))
        {
            _suggestError = L["Give the length of the window to look for (e.g. 2h)."];
            return;
        }

        IReadOnlyList<LocalTimeRange> preferred = [];
        if (_preferHours)
        {
            if (!TimeOnly.TryParse(_preferFrom, System.Globalization.CultureInfo.InvariantCulture, out var from)
                || !TimeOnly.TryParse(_preferTo, System.Globalization.CultureInfo.InvariantCulture, out var to))
            {
                _suggestError = L["Give the low-traffic hours as From and To times, or untick the box."];
                return;
            }

            preferred = [new LocalTimeRange(from, to)];
        }

        _busy = true;
        try
        {
            // The finder already steers clear of the plan's own windows.
            _suggestions = await Schedule.SuggestAsync(PlanId, length, _zone, preferred, 3);
        }
        catch (Exception exception) when (exception is ScheduleValidationException or ValidationFailed or ArgumentException or NotFound)
        {
            _suggestError = exception is ScheduleValidationException invalid
                ? string.Join(" ", invalid.Errors.SelectMany(e => e.Value))
                : exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CancelAsync(StoredWindow window)
    {
        var parameters = new DialogParameters<TextPromptDialog>
        {
            { d => d.Title, L["Cancel this window?"] },
            { d => d.Message, ScheduleDisplay.Range(window.Start, window.End, window.TimeZoneId) },
            { d => d.Label, L["Reason"] },
            { d => d.ConfirmText, L["Cancel window"] },
            { d => d.ConfirmColor, Color.Error },
            { d => d.Required, true },
        };
        var dialog = await Dialogs.ShowAsync<TextPromptDialog>(L["Cancel window"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        _busy = true;
        try
        {
            await Schedule.CancelWindowAsync(_actor!, PlanId, window.Id, reason);
            Snackbar.Add(L["Window cancelled."], Severity.Success);
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

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}
