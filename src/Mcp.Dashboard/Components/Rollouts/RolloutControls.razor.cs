using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Rollouts;
using Mcp.Dashboard.Domain.Simulation;
using Mcp.Dashboard.Rollouts;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mcp.Dashboard.Components.Rollouts;

/// <summary>A fault to inject into the simulated canary.</summary>
public sealed record FaultChoice(FaultKind Kind, double Factor);

/// <summary>
/// The rollout's buttons. It asks (reason, confirmation) and hands the answer to the page,
/// which calls the engine and shows what it says; so this stays testable without an engine.
/// </summary>
public sealed partial class RolloutControls
{
    /// <summary>The faults the rehearsal menu offers: enough to show a failing canary, not a fault lab.</summary>
    public static IReadOnlyList<FaultChoice> FaultChoices { get; } =
    [
        new(FaultKind.ErrorSpike, 2),
        new(FaultKind.ErrorSpike, 3),
        new(FaultKind.LatencyRegression, 2),
    ];

    /// <summary>The rollout to control.</summary>
    /// <summary>
    /// What the red button does, in the words of the moment: before the start it cancels; while
    /// blue is kept warm after a blue-green switch it is the one-press switch back.
    /// </summary>
    private string RollbackLabel => Rollout switch
    {
        { State: RolloutState.Pending } => L["Cancel rollout"],
        _ when Rollout.Steps.Any(s => s.Action == RolloutAction.KeepBlue && s.State == StepState.Running) => L["Switch back to blue"],
        _ => L["Roll back"],
    };

    [Parameter, EditorRequired]
    public required RolloutView Rollout { get; set; }

    /// <summary>The signed-in person; only engineers, release managers and admins see controls.</summary>
    [Parameter]
    public Actor? Actor { get; set; }

    /// <summary>The plan's name, for the rollback dialog.</summary>
    [Parameter]
    public string? PlanName { get; set; }

    /// <summary>The version a rollback returns to.</summary>
    [Parameter]
    public string? FromVersion { get; set; }

    /// <summary>The version being rolled out.</summary>
    [Parameter]
    public string? ToVersion { get; set; }

    /// <summary>Whether the target is the simulated fleet (which takes faults).</summary>
    [Parameter]
    public bool Simulated { get; set; }

    /// <summary>The faults injected now.</summary>
    [Parameter]
    public IReadOnlyDictionary<FaultKind, double> Faults { get; set; } = new Dictionary<FaultKind, double>();

    /// <summary>True while an action is on its way.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Pause, with the optional reason typed.</summary>
    [Parameter]
    public EventCallback<string?> OnPause { get; set; }

    [Parameter]
    public EventCallback OnResume { get; set; }

    /// <summary>Promote, once confirmed.</summary>
    [Parameter]
    public EventCallback OnPromote { get; set; }

    /// <summary>Roll back, with the trimmed reason, once confirmed.</summary>
    [Parameter]
    public EventCallback<string> OnRollBack { get; set; }

    [Parameter]
    public EventCallback<FaultChoice> OnInjectFault { get; set; }

    [Parameter]
    public EventCallback OnClearFaults { get; set; }

    [Inject]
    public required IDialogService Dialogs { get; init; }

    private bool IsOperator => Actor?.IsInAnyRole(DashboardRoles.Operators) == true;

    private async Task RollBackAsync()
    {
        var parameters = new DialogParameters<RollbackDialog>
        {
            { d => d.PlanName, PlanName },
            { d => d.FromVersion, FromVersion },
            { d => d.ToVersion, ToVersion },
        };
        var dialog = await Dialogs.ShowAsync<RollbackDialog>(L["Roll back"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string reason })
        {
            await OnRollBack.InvokeAsync(reason);
        }
    }

    private async Task PauseAsync()
    {
        var parameters = new DialogParameters<TextPromptDialog>
        {
            { d => d.Title, L["Pause the rollout?"] },
            { d => d.Message, L["The rollout holds before its next step; a bake in progress keeps its clock. Say why if it helps the others (optional)."] },
            { d => d.Label, L["Reason (optional)"] },
            { d => d.ConfirmText, L["Pause"] },
            { d => d.ConfirmColor, Color.Warning },
        };
        var dialog = await Dialogs.ShowAsync<TextPromptDialog>(L["Pause"], parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false } result)
        {
            await OnPause.InvokeAsync(result.Data is string { Length: > 0 } reason ? reason : null);
        }
    }

    private async Task PromoteAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            L["Promote to full traffic?"],
            L["The remaining analysis steps are skipped and the new version goes to 100% of traffic. The audit trail records that you did it."],
            yesText: L["Promote"], cancelText: L["Not yet"]);
        if (confirmed == true)
        {
            await OnPromote.InvokeAsync();
        }
    }
}
