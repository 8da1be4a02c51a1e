using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Admin;

/// <summary>Admin: users, their roles, and unlocking people locked out by failed sign-ins.</summary>
public partial class UsersPage
{
    private IReadOnlyList<UserSummary>? _users;
    private Actor? _actor;
    private string? _error;

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    public required UserAccounts Accounts { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _users = await Accounts.ListAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _users ??= [];
            _error = L["Users could not be loaded: {0}", exception.Message];
        }
    }

    private async Task CreateAsync()
    {
        if (_actor is null)
        {
            return;
        }

        var parameters = new DialogParameters<UserDialog> { { d => d.Actor, _actor } };
        var dialog = await Dialogs.ShowAsync<UserDialog>(L["New user"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: UserSummary created })
        {
            Snackbar.Add(L["Created {0}.", created.Email], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task EditRolesAsync(UserSummary user)
    {
        if (_actor is null)
        {
            return;
        }

        var parameters = new DialogParameters<UserDialog> { { d => d.Actor, _actor }, { d => d.Existing, user } };
        var dialog = await Dialogs.ShowAsync<UserDialog>(L["Roles of {0}", user.DisplayName], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add(L["Saved the roles of {0}. They apply from the person's next request.", user.Email], Severity.Success);
            await LoadAsync();
        }
    }

    private async Task UnlockAsync(UserSummary user)
    {
        if (_actor is null)
        {
            return;
        }

        try
        {
            await Accounts.UnlockAsync(_actor, user.Id);
            Snackbar.Add(L["Unlocked {0}.", user.Email], Severity.Success);
        }
        catch (Exception exception) when (exception is PlanAccessDenied or NotFound)
        {
            _error = exception.Message;
        }

        await LoadAsync();
    }

    internal static string RoleLabel(string role) => Components.Plans.PlanDisplay.RoleText(role);

    internal static Color RoleColour(string role) => role switch
    {
        DashboardRoles.Admin => Color.Error,
        DashboardRoles.ReleaseManager => Color.Primary,
        DashboardRoles.Engineer => Color.Secondary,
        _ => Color.Default,
    };
}
