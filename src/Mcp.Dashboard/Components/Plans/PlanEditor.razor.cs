using System.Globalization;
using Mcp.Dashboard.Accounts;
using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Inventory;
using Mcp.Dashboard.Plans;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Mcp.Dashboard.Components.Plans;

public sealed partial class PlanEditor
{
    private IReadOnlyList<DeploymentEnvironment> _environments = [];
    private ValidationErrors? _errors;
    private string? _conflict;
    private string? _error;
    private bool _saving;

    [Inject]
    public required PlanService Plans { get; init; }

    [Inject]
    public required InventoryService Inventory { get; init; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required ISnackbar Snackbar { get; init; }

    [Inject]
    public required NavigationManager Navigation { get; init; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The definition to start from: a template, a blank plan, or the stored plan.</summary>
    [Parameter, EditorRequired]
    public PlanDefinition Definition { get; set; } = default!;

    /// <summary>The plan being revised, or null for a new plan.</summary>
    [Parameter]
    public Guid? PlanId { get; set; }

    /// <summary>The revision the editor loaded; a save fails with a conflict if someone saved since.</summary>
    [Parameter]
    public int? Revision { get; set; }

    /// <summary>The plan's state, to warn before an approved plan goes back to review.</summary>
    [Parameter]
    public PlanState? State { get; set; }

    /// <summary>Whether a webhook signing key is stored (it is never shown).</summary>
    [Parameter]
    public bool HasTargetSecret { get; set; }

    /// <summary>Where the Cancel button goes; no button when null.</summary>
    [Parameter]
    public string? CancelHref { get; set; }

    /// <summary>Raised with the stored plan after a successful save.</summary>
    [Parameter]
    public EventCallback<MigrationPlan> Saved { get; set; }

    public PlanEditorModel Model { get; private set; } = new();

    private DeploymentEnvironment? SelectedEnvironment =>
        _environments.FirstOrDefault(e => string.Equals(e.Name, Model.Environment, StringComparison.OrdinalIgnoreCase));

    protected override async Task OnInitializedAsync()
    {
        Model = PlanEditorModel.From(Definition);
        _environments = await Inventory.ListAsync();
    }

    private void EnvironmentChanged(string environment)
    {
        Model.Environment = environment;
        var services = SelectedEnvironment?.Services.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        Model.Services = Model.Services.Where(services.Contains).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private void ServicesChanged(IEnumerable<string>? services) =>
        Model.Services = (services ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private void AddCanaryStep()
    {
        var last = Model.CanarySteps.LastOrDefault()?.Weight ?? 0;
        Model.CanarySteps.Add(new CanaryStepModel { Weight = Math.Min(100, last + 10), BakeSeconds = 300 });
    }

    private void AddStage()
    {
        // Suggest the next tier so the default order is already edge -> management -> core.
        var tier = Model.Stages.Count == 0 ? NodeTier.Edge : (NodeTier)Math.Min((int)Model.Stages[^1].Tier + 1, (int)NodeTier.Core);
        Model.Stages.Add(new StageModel { Name = $"{tier} nodes", Tier = tier });
    }

    private void AddTrigger() =>
        Model.Triggers.Add(new TriggerModel { Metric = "error_rate", Threshold = 0.02, ForSeconds = 60 });

    private Task<IEnumerable<string>> SearchTeamAsync(string? text, CancellationToken cancellationToken)
    {
        var emails = Model.TeamEmails;
        return Task.FromResult(string.IsNullOrWhiteSpace(text)
            ? emails
            : emails.Where(e => e.Contains(text, StringComparison.OrdinalIgnoreCase)));
    }

    private async Task SaveAsync()
    {
        if (_saving)
        {
            return;
        }

        // Field errors first: asking "send back to review?" for a save that cannot succeed wastes a click.
        var local = PlanDefinitionValidator.Validate(Model.ToDefinition());
        if (!local.IsValid)
        {
            _errors = local;
            return;
        }

        if (PlanId is not null && State is PlanState.Approved or PlanState.Scheduled)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(
                L["Send the plan back to review?"],
                L["This plan is approved. Saving a change withdraws the approval: it goes back to review and must be approved again."],
                yesText: L["Save and send back"], cancelText: L["Keep editing"]);
            if (confirmed != true)
            {
                return;
            }
        }

        _saving = true;
        _error = null;
        try
        {
            var actor = AuthenticationState is null
                ? throw new PlanAccessDenied("Sign in first.")
                : (await AuthenticationState).User.ToActor();
            var definition = Model.ToDefinition();
            var plan = PlanId is { } id
                ? await Plans.ReviseAsync(actor, id, definition, Revision)
                : await Plans.CreateAsync(actor, definition);
            _errors = null;
            _conflict = null;
            Revision = plan.Revision;
            State = plan.State;
            Snackbar.Add(PlanId is null ? L["Plan created."] : L["Plan saved."], Severity.Success);
            await Saved.InvokeAsync(plan);
        }
        catch (ValidationFailed validation)
        {
            _errors = validation.Errors;
        }
        catch (ConcurrencyConflict conflict)
        {
            // Keep the typed model: the user decides what to carry over after reloading.
            _errors = null;
            _conflict = conflict.Message;
        }
        catch (Exception exception) when (exception is PlanRuleViolation or PlanAccessDenied or NotFound or UnauthorizedAccessException)
        {
            _error = exception.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private bool Has(string field) => _errors?.For(field).Count > 0;

    private string? Text(string field) => _errors is null ? null : string.Join(" ", _errors.For(field));

    // A tab's badge counts the errors under its fields, so a problem on a hidden tab is visible.
    private object? Badge(params string[] prefixes)
    {
        if (_errors is null)
        {
            return null;
        }

        var count = _errors.ToDictionary().Keys.Count(key => prefixes.Any(p =>
            key == p || key.StartsWith(p + ".", StringComparison.Ordinal) || key.StartsWith(p + "[", StringComparison.Ordinal)));
        return count == 0 ? null : count;
    }

    private void OnTimeZone(TimeZoneInfo zone) => Model.ShowDueIn(zone);

    private static string TitleCase(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
