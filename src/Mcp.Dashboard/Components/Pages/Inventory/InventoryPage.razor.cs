using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Inventory;

/// <summary>The environment inventory: services per environment, their tiers and dependencies.</summary>
public partial class InventoryPage : IDisposable
{
    private IReadOnlyList<DeploymentEnvironment>? _environments;
    private int _activeIndex;
    private string? _error;
    private Actor? _actor;
    private IDisposable? _subscription;

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    public required InventoryService Inventory { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    private bool CanEdit => _actor?.IsInAnyRole(DashboardRoles.Authors) == true;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        await LoadAsync();
        _subscription = Changes.SubscribeCoalesced(InventoryService.Topic, null, () => InvokeAsync(ReloadFromFeedAsync));
    }

    private async Task LoadAsync(string? select = null)
    {
        try
        {
            var current = select ?? (_environments is { Count: > 0 } list && _activeIndex < list.Count ? list[_activeIndex].Name : null);
            _environments = await Inventory.ListAsync();
            var index = current is null ? -1 : _environments.ToList().FindIndex(e => e.Name == current);
            _activeIndex = Math.Max(0, index);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _environments ??= [];
            _error = L["The inventory could not be loaded: {0}", exception.Message];
        }
    }

    private async Task ReloadFromFeedAsync()
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private Task AddEnvironmentAsync() => OpenEditorAsync(null);

    private Task EditEnvironmentAsync(DeploymentEnvironment environment) => OpenEditorAsync(environment);

    private async Task OpenEditorAsync(DeploymentEnvironment? environment)
    {
        if (_actor is null)
        {
            return;
        }

        var parameters = new DialogParameters<EnvironmentDialog>
        {
            { d => d.Actor, _actor },
            { d => d.Environment, environment },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseOnEscapeKey = true };
        string title = environment is null ? L["Add environment"] : L["Edit {0}", environment.Name];
        var dialog = await Dialogs.ShowAsync<EnvironmentDialog>(title, parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: DeploymentEnvironment saved })
        {
            Snackbar.Add(L["Saved {0} (revision {1}).", saved.Name, saved.Revision], Severity.Success);
            await LoadAsync(saved.Name);
        }
    }

    private static IEnumerable<PlatformService> OrderedServices(DeploymentEnvironment environment) =>
        environment.Services.OrderBy(s => s.Tier).ThenBy(s => s.Name, StringComparer.Ordinal);

    internal static Color TierColour(NodeTier tier) => tier switch
    {
        NodeTier.Edge => Color.Info,
        NodeTier.Management => Color.Secondary,
        _ => Color.Primary,
    };

    public void Dispose()
    {
        _subscription?.Dispose();
        GC.SuppressFinalize(this);
    }
}
