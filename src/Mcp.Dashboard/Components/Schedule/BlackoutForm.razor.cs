using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Schedule;
using Mcp.Dashboard.Schedule;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Mcp.Dashboard.Components.Schedule;

public sealed partial class BlackoutForm
{
    private const string AllEnvironments = "";
    private const string CustomPreset = "custom";

    private static readonly BlackoutPreset[] Presets =
    [
        new("weekdays", "Weekdays business hours (09:00-18:00)", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", new TimeOnly(9, 0), "9h"),
        new("weekends", "Every weekend (Sat-Sun)", "FREQ=WEEKLY;BYDAY=SA", new TimeOnly(0, 0), "2d"),
        new("month-end", "Monthly freeze (last day of the month)", "FREQ=MONTHLY;BYMONTHDAY=-1", new TimeOnly(0, 0), "1d"),
    ];

    private Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private string? _error;
    private bool _busy;
    private Actor? _actor;

    private string? _name;
    private bool _recurring;
    private string _zone = ScheduleDisplay.DefaultZone;
    private string _environment = AllEnvironments;
    private string? _oneOffStart;
    private string? _oneOffEnd;
    private string _preset = "weekdays";
    private string? _rule;
    private string? _seriesStart;
    private string? _duration;
    private string? _reason;

    [Inject]
    public required ScheduleService Schedule { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The zone the form starts in (the calendar's).</summary>
    [Parameter]
    public string TimeZoneId { get; set; } = ScheduleDisplay.DefaultZone;

    /// <summary>The environments to offer; none chosen means every environment.</summary>
    [Parameter]
    public IReadOnlyList<string> Environments { get; set; } = [];

    /// <summary>Called with the stored blackout once it is declared.</summary>
    [Parameter]
    public EventCallback<StoredBlackout> OnSaved { get; set; }

    /// <summary>Shows a Cancel button when set.</summary>
    [Parameter]
    public EventCallback OnCancel { get; set; }

    private string? Preview => _recurring && RecurrenceRule.TryParse(_rule, out var rule, out _)
        && ScheduleDisplay.TryParseLocal(_seriesStart, out var first) && ScheduleDisplay.TryReadLength(_duration, out var duration)
            ? L["Reads as: {0} {1} {2}", ScheduleDisplay.DescribeRule(rule, first), ScheduleDisplay.DescribeTimes(first, duration), _zone].Value
            : null;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        _zone = ScheduleDisplay.CommonZones.Contains(TimeZoneId) ? TimeZoneId : ScheduleDisplay.DefaultZone;
        var today = DateOnly.FromDateTime(WallClock.ToLocal(Clock.GetUtcNow(), ScheduleDisplay.Zone(_zone)));
        _oneOffStart = ScheduleDisplay.ToLocalInput(today.AddDays(1).ToDateTime(TimeOnly.MinValue));
        _oneOffEnd = ScheduleDisplay.ToLocalInput(today.AddDays(2).ToDateTime(TimeOnly.MinValue));
        ApplyPreset("weekdays");
    }

    private void ApplyPreset(string key)
    {
        _preset = key;
        var preset = Presets.FirstOrDefault(p => p.Key == key);
        if (preset is null)
        {
            return;
        }

        var today = DateOnly.FromDateTime(WallClock.ToLocal(Clock.GetUtcNow(), ScheduleDisplay.Zone(_zone)));
        var firstDay = key switch
        {
            "weekdays" => NextWeekday(today, DayOfWeek.Monday),
            "weekends" => NextWeekday(today, DayOfWeek.Saturday),
            _ => new DateOnly(today.Year, today.Month, DateTime.DaysInMonth(today.Year, today.Month)),
        };
        _rule = preset.Rule;
        _seriesStart = ScheduleDisplay.ToLocalInput(firstDay.ToDateTime(preset.Start));
        _duration = preset.Duration;
    }

    private async Task SaveAsync()
    {
        _errors = new(StringComparer.Ordinal);
        _error = null;
        if (_actor is null)
        {
            _error = L["Sign in first."];
            return;
        }

        var blackout = Build();
        if (blackout is null)
        {
            return;
        }

        _busy = true;
        try
        {
            var stored = await Schedule.CreateBlackoutAsync(_actor, blackout);
            await OnSaved.InvokeAsync(stored);
        }
        catch (ScheduleValidationException invalid)
        {
            _errors = invalid.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        }
        catch (ValidationFailed failed)
        {
            _errors = new Dictionary<string, string[]>(failed.Errors.ToDictionary(), StringComparer.Ordinal);
        }
        catch (PlanAccessDenied denied)
        {
            _error = denied.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The domain blackout, or null with the problems recorded per field.</summary>
    private Blackout? Build()
    {
        var zone = ScheduleDisplay.Zone(_zone);
        var environment = string.IsNullOrEmpty(_environment) ? null : _environment;
        var id = Guid.CreateVersion7(Clock.GetUtcNow());
        var local = new Dictionary<string, string[]>(StringComparer.Ordinal);
        try
        {
            if (!_recurring)
            {
                var startOk = ScheduleDisplay.TryParseLocal(_oneOffStart, out var start);
                var endOk = ScheduleDisplay.TryParseLocal(_oneOffEnd, out var end);
                if (!startOk)
                {
                    local[ScheduleFieldNames.Start] = [L["Give a start date and time."]];
                }

                if (!endOk)
                {
                    local[ScheduleFieldNames.End] = [L["Give an end date and time."]];
                }

                // The domain still checks name, order and zone, so every message shows at once.
                return Merge(local, () => Blackout.OneOff(id, _name ?? "", startOk ? WallClock.ToInstant(start, zone) : Clock.GetUtcNow(),
                    endOk ? WallClock.ToInstant(end, zone) : Clock.GetUtcNow().AddTicks(1), _zone, environment, _reason));
            }

            var firstOk = ScheduleDisplay.TryParseLocal(_seriesStart, out var first);
            var durationOk = ScheduleDisplay.TryReadLength(_duration, out var duration);
            if (!firstOk)
            {
                local[ScheduleFieldNames.Start] = [L["Give the first start date and time."]];
            }

            if (!durationOk)
            {
                local[ScheduleFieldNames.Duration] = [L["Write a length such as 9h, 2h 30m, 2d or PT9H."]];
            }

            return Merge(local, () => Blackout.Recurring(id, _name ?? "", _rule ?? "", firstOk ? DateTime.SpecifyKind(first, DateTimeKind.Unspecified) : new DateTime(2000, 1, 1),
                durationOk ? duration : TimeSpan.FromHours(1), _zone, environment, _reason));
        }
        catch (ScheduleValidationException invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                local[field] = local.TryGetValue(field, out var existing) ? [.. existing, .. messages] : messages;
            }

            _errors = local;
            return null;
        }
    }

    private Blackout? Merge(Dictionary<string, string[]> local, Func<Blackout> create)
    {
        var blackout = create();
        if (local.Count > 0)
        {
            _errors = local;
            return null;
        }

        return blackout;
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private static DateOnly NextWeekday(DateOnly from, DayOfWeek day) => from.AddDays(((int)day - (int)from.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)day - (int)from.DayOfWeek + 7) % 7);

    private string PresetLabel(string key) => key switch
    {
        "weekdays" => L["Weekdays business hours (09:00-18:00)"],
        "weekends" => L["Every weekend (Sat-Sun)"],
        "month-end" => L["Monthly freeze (last day of the month)"],
        _ => key,
    };

    private sealed record BlackoutPreset(string Key, string Label, string Rule, TimeOnly Start, string Duration);
}
