using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Live;
using Mcp.Dashboard.Schedule;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Schedule;

public sealed partial class BlackoutList : IDisposable
{
    private IReadOnlyList<StoredBlackout>? _blackouts;
    private IReadOnlyList<string> _environments = [];
    private Actor? _actor;
    private string? _error;
    private IDisposable? _subscription;

    [Inject]
    public required ScheduleService Schedule { get; init; }

    [Inject]
    public required InventoryService Inventory { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The zone a new blackout starts in.</summary>
    [Parameter]
    public string TimeZoneId { get; set; } = ScheduleDisplay.DefaultZone;

    private bool IsAuthor => _actor?.IsInAnyRole(DashboardRoles.Authors) == true;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        _subscription = Changes.SubscribeCoalesced(ScheduleService.Topic, null, OnChangedAsync);
        _environments = (await Inventory.ListAsync()).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        _blackouts = await Schedule.ListBlackoutsAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
    }

    private async Task OnChangedAsync()
    {
        try
        {
            await InvokeAsync(async () =>
            {
                _blackouts = await Schedule.ListBlackoutsAsync();
                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task DeclareAsync()
    {
        var parameters = new DialogParameters<BlackoutDialog>
        {
            { d => d.TimeZoneId, TimeZoneId },
            { d => d.Environments, _environments },
        };
        var dialog = await Dialogs.ShowAsync<BlackoutDialog>(L["Declare a blackout"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: StoredBlackout stored })
        {
            Snackbar.Add(L["Blackout “{0}” declared.", stored.Name], Severity.Success);
            _blackouts = await Schedule.ListBlackoutsAsync();
        }
    }

    private async Task DeleteAsync(StoredBlackout blackout)
    {
        var parameters = new DialogParameters<TextPromptDialog>
        {
            { d => d.Title, L["Remove blackout “{0}”?", blackout.Name] },
            { d => d.Message, L["Windows will then be allowed in this period again. The audit trail keeps a record."] },
            { d => d.Label, L["Reason (optional)"] },
            { d => d.ConfirmText, L["Remove"] },
            { d => d.ConfirmColor, Color.Error },
        };
        var dialog = await Dialogs.ShowAsync<TextPromptDialog>(L["Remove blackout"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is null || result.Canceled)
        {
            return;
        }

        try
        {
            await Schedule.DeleteBlackoutAsync(_actor!, blackout.Id, string.IsNullOrWhiteSpace(result.Data as string) ? null : (string)result.Data!);
            Snackbar.Add(L["Blackout “{0}” removed.", blackout.Name], Severity.Success);
            _blackouts = await Schedule.ListBlackoutsAsync();
        }
        catch (Exception exception) when (exception is NotFound or PlanAccessDenied)
        {
            _error = exception.Message;
        }
    }
}
