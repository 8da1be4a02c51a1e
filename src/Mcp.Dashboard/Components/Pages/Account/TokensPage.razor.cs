using System.Globalization;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Account;

/// <summary>The signed-in person's API tokens: list, create (shown once), revoke.</summary>
public partial class TokensPage
{
    private IReadOnlyList<ApiTokenSummary>? _tokens;
    private Actor? _actor;
    private string? _name;
    private int _expiryDays = 90;
    private string? _nameError;
    private string? _error;
    private bool _busy;
    private TimeZoneInfo _zone = TimeZoneInfo.Local;

    [CascadingParameter]
    public Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    public required ApiTokenService Tokens { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required TimeProvider Clock { get; init; }

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
        if (_actor is null)
        {
            _tokens = [];
            return;
        }

        try
        {
            _tokens = await Tokens.ListAsync(_actor);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _tokens ??= [];
            _error = L["Your tokens could not be loaded: {0}", exception.Message];
        }
    }

    private async Task CreateAsync()
    {
        if (_actor is null)
        {
            return;
        }

        _nameError = string.IsNullOrWhiteSpace(_name) ? L["Give the token a name, so you know later what uses it."].Value : null;
        if (_nameError is not null)
        {
            return;
        }

        _busy = true;
        try
        {
            DateTimeOffset? expires = _expiryDays > 0 ? Clock.GetUtcNow().AddDays(_expiryDays) : null;
            var created = await Tokens.CreateAsync(_actor, _name!, expires);
            _name = null;
            await LoadAsync();

            // The token travels only into the dialog; this page never keeps it.
            var parameters = new DialogParameters<NewTokenDialog> { { d => d.Token, created.Token }, { d => d.Name, created.Summary.Name } };
            var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false };
            var dialog = await Dialogs.ShowAsync<NewTokenDialog>(L["Your new token"], parameters, options);
            await dialog.Result;
        }
        catch (ArgumentException invalid)
        {
            _nameError = invalid.Message.Split(" (Parameter", StringSplitOptions.None)[0];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ApiTokenSummary token)
    {
        if (_actor is null)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Revoke token?"],
            L["Scripts using “{0}” ({1}…) will be refused from now on. This cannot be undone.", token.Name, token.Prefix],
            yesText: L["Revoke"],
            cancelText: L["Keep it"]);
        if (confirmed != true)
        {
            return;
        }

        var revoked = await Tokens.RevokeAsync(_actor, token.Id);
        Snackbar.Add(revoked ? L["Revoked {0}.", token.Name] : L["{0} was already revoked.", token.Name], revoked ? Severity.Success : Severity.Info);
        await LoadAsync();
    }

    private bool IsExpired(ApiTokenSummary token) => token.ExpiresAt is { } expires && expires <= Clock.GetUtcNow();

    private string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, _zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void OnTimeZone(TimeZoneInfo zone) => _zone = zone;
}
