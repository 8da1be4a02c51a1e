using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Compatibility;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Compatibility;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Compatibility;

public sealed partial class CompatibilityPage : IDisposable
{
    private IReadOnlyList<StoredUpgradeRule>? _rules;
    private Actor? _actor;
    private string? _error;
    private bool _busy;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private IDisposable? _subscription;

    private UpgradePathRuleForm? _editing;
    private Guid? _editingId;
    private int? _editingRevision;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();

    private string? _checkFrom;
    private string? _checkTo;
    private string? _checkedFrom;
    private string? _checkedTo;
    private string? _checkProblem;
    private bool _checking;
    private CompatibilityResult? _result;

    [Inject]
    public required CompatibilityService Compatibility { get; init; }

    [Inject]
    public required ChangeFeed Changes { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>Pre-fills the checker, e.g. from a plan's readiness panel.</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = "to")]
    public string? ToQuery { get; set; }

    private bool IsAuthor => _actor?.IsInAnyRole(DashboardRoles.Authors) == true;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActorOrNull();
        }

        _subscription = Changes.SubscribeCoalesced(CompatibilityService.Topic, null, OnChangedAsync);
        _rules = await Compatibility.ListAsync();

        if (!string.IsNullOrWhiteSpace(FromQuery) && !string.IsNullOrWhiteSpace(ToQuery))
        {
            _checkFrom = FromQuery;
            _checkTo = ToQuery;
            await CheckAsync();
        }
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
                _rules = await Compatibility.ListAsync();

                // A rule change can flip the verdict on screen; recheck what the user last asked.
                if (_result is not null && _checkedFrom is not null && _checkedTo is not null)
                {
                    _result = await Compatibility.CheckAsync(_checkedFrom, _checkedTo);
                }

                StateHasChanged();
            });
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    }

    private async Task CheckAsync()
    {
        var from = _checkFrom?.Trim() ?? "";
        var to = _checkTo?.Trim() ?? "";
        _checkProblem = CompatibilityService.VersionProblem(from, to);
        _result = null;
        if (_checkProblem is not null)
        {
            return;
        }

        _checking = true;
        try
        {
            _result = await Compatibility.CheckAsync(from, to);
            _checkedFrom = from;
            _checkedTo = to;
        }
        finally
        {
            _checking = false;
        }
    }

    private void NewRule()
    {
        _editing = new UpgradePathRuleForm { Kind = UpgradePathRuleKind.RequiresIntermediate };
        _editingId = null;
        _editingRevision = null;
        _errors = new Dictionary<string, string[]>();
    }

    private void Edit(StoredUpgradeRule rule)
    {
        _editing = rule.ToForm();
        _editingId = rule.Id;
        _editingRevision = rule.Revision;
        _errors = new Dictionary<string, string[]>();
    }

    private void CloseEditor()
    {
        _editing = null;
        _editingId = null;
        _errors = new Dictionary<string, string[]>();
    }

    private async Task SaveAsync()
    {
        if (_editing is null || _actor is null)
        {
            return;
        }

        _busy = true;
        _error = null;
        try
        {
            if (_editingId is { } id)
            {
                await Compatibility.UpdateAsync(_actor, id, _editing, _editingRevision);
                Snackbar.Add(L["Rule saved."], Severity.Success);
            }
            else
            {
                await Compatibility.CreateAsync(_actor, _editing);
                Snackbar.Add(L["Rule added."], Severity.Success);
            }

            CloseEditor();
            _rules = await Compatibility.ListAsync();
        }
        catch (ValidationFailed failed)
        {
            _errors = failed.Errors.ToDictionary().AsReadOnly();
        }
        catch (ConcurrencyConflict)
        {
            _error = L["Someone else changed this rule while you were editing it; nothing was saved. Their version is in the table: edit it again to apply your change."];
            CloseEditor();
            _rules = await Compatibility.ListAsync();
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

    private async Task DeleteAsync(StoredUpgradeRule rule)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Delete this rule?"], L["{0}: {1} → {2}{3}. Plans are no longer checked against it.", KindText(rule.Kind), rule.From, rule.To, rule.Via is null ? "" : L[" via {0}", rule.Via]],
            yesText: L["Delete"], cancelText: L["Keep it"]);
        if (confirmed != true)
        {
            return;
        }

        try
        {
            await Compatibility.DeleteAsync(_actor!, rule.Id, null);
            Snackbar.Add(L["Rule deleted."], Severity.Success);
            if (_editingId == rule.Id)
            {
                CloseEditor();
            }

            _rules = await Compatibility.ListAsync();
        }
        catch (Exception exception) when (exception is PlanAccessDenied or NotFound)
        {
            _error = exception.Message;
        }
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorFor(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string SeverityText(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => L["Error"],
        FindingSeverity.Warning => L["Warning"],
        FindingSeverity.Info => L["Info"],
        _ => severity.ToString(),
    };

    private string KindText(UpgradePathRuleKind kind) => kind switch
    {
        UpgradePathRuleKind.Allowed => L["Allowed"],
        UpgradePathRuleKind.RequiresIntermediate => L["Requires intermediate"],
        UpgradePathRuleKind.Blocked => L["Blocked"],
        _ => kind.ToString(),
    };
}
