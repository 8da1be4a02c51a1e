using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Plans;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Admin;

/// <summary>Creates a user, or edits an existing user's roles when <see cref="Existing"/> is set.</summary>
public partial class UserDialog
{
    private const string EmailKey = "email";
    private const string NameKey = "displayName";
    private const string PasswordKey = "password";
    private const string RolesKey = "roles";

    private string? _email;
    private string? _displayName;
    private string? _password;
    private IReadOnlyCollection<string> _roles = [];
    private ValidationErrors _errors = new();
    private string? _problem;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>The admin doing it; the service checks the role again.</summary>
    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>The user whose roles to edit, or null to create a user.</summary>
    [Parameter]
    public UserSummary? Existing { get; set; }

    [Inject]
    public required UserAccounts Accounts { get; init; }

    protected override void OnInitialized() =>
        _roles = Existing?.Roles.ToList() ?? [DashboardRoles.Stakeholder];

    private bool HasError(string key) => _errors.For(key).Count > 0;

    private string? ErrorFor(string key) => _errors.For(key) is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    private async Task SaveAsync()
    {
        _saving = true;
        _problem = null;
        try
        {
            if (Existing is null)
            {
                var created = await Accounts.CreateAsync(Actor, _email?.Trim() ?? "", _displayName ?? "", _password ?? "", _roles.ToList());
                MudDialog.Close(DialogResult.Ok(created));
            }
            else
            {
                await Accounts.SetRolesAsync(Actor, Existing.Id, _roles.ToList());
                MudDialog.Close(DialogResult.Ok(true));
            }
        }
        catch (ValidationFailed failed)
        {
            _errors = failed.Errors;
        }
        catch (Exception exception) when (exception is PlanAccessDenied or NotFound)
        {
            _problem = exception.Message;
        }
        finally
        {
            _saving = false;
        }
    }
}
