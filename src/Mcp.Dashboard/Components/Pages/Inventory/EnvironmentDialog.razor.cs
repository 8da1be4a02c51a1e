using Mcp.Dashboard.Domain;
using Mcp.Dashboard.Domain.Access;
using Mcp.Dashboard.Domain.Inventory;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Inventory;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mcp.Dashboard.Components.Pages.Inventory;

/// <summary>Adds an environment or replaces its services; closes with the saved environment.</summary>
public partial class EnvironmentDialog
{
    private const string NameKey = "name";
    private const string DescriptionKey = "description";
    private const string NameField = "name";
    private const string TierField = "tier";
    private const string VersionField = "version";
    private const string DependsOnField = "dependsOn";

    private readonly List<ServiceRow> _rows = [];
    private string? _name;
    private string? _description;
    private int? _revision;
    private ValidationErrors _errors = new();
    private string? _conflict;
    private string? _problem;
    private bool _saving;

    [CascadingParameter]
    private IMudDialogInstance MudDialog { get; set; } = default!;

    /// <summary>Who is editing; the service checks their role again.</summary>
    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>The environment to edit, or null to add a new one.</summary>
    [Parameter]
    public DeploymentEnvironment? Environment { get; set; }

    [Inject]
    public required InventoryService Inventory { get; init; }

    private bool IsEdit => Environment is not null;

    protected override void OnInitialized()
    {
        if (Environment is { } environment)
        {
            _name = environment.Name;
            _description = environment.Description;
            _revision = environment.Revision;
            _rows.AddRange(environment.Services
                .OrderBy(s => s.Tier).ThenBy(s => s.Name, StringComparer.Ordinal)
                .Select(s => new ServiceRow { Name = s.Name, Tier = s.Tier, Version = s.Version, DependsOn = s.DependsOn.ToList() }));
        }
        else
        {
            _rows.Add(new ServiceRow());
        }
    }

    private static string Key(int index, string field) => $"services[{index}].{field}";

    private bool HasError(string key) => _errors.For(key).Count > 0;

    private string? ErrorFor(string key) => _errors.For(key) is { Count: > 0 } messages ? string.Join(" ", messages) : null;

    private IEnumerable<string> OtherNames(ServiceRow row) =>
        _rows.Where(r => r != row && !string.IsNullOrWhiteSpace(r.Name)).Select(r => r.Name!.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private void AddRow() => _rows.Add(new ServiceRow());

    private void RemoveRow(ServiceRow row)
    {
        _rows.Remove(row);

        // Indexes shift when a row goes, so messages keyed by index no longer point at the right row.
        _errors = new ValidationErrors();
    }

    private void Cancel() => MudDialog.Cancel();

    private async Task SaveAsync()
    {
        _saving = true;
        _problem = null;
        _conflict = null;
        try
        {
            var services = _rows.Select(r => new PlatformService
            {
                Name = r.Name?.Trim() ?? "",
                Tier = r.Tier,
                Version = r.Version?.Trim() ?? "",
                DependsOn = r.DependsOn.ToList(),
            }).ToList();
            var name = _name?.Trim() ?? "";
            var saved = IsEdit
                ? await Inventory.ReplaceAsync(Actor, name, _description, services, _revision)
                : await Inventory.CreateAsync(Actor, name, _description, services);
            _errors = new ValidationErrors();
            MudDialog.Close(DialogResult.Ok(saved));
        }
        catch (ValidationFailed failed)
        {
            _errors = failed.Errors;
            _problem = L["Some fields need attention; see the messages beside them."];
        }
        catch (ConcurrencyConflict conflict) when (!IsEdit)
        {
            _errors = new ValidationErrors();
            _errors.Add(NameKey, conflict.Message);
        }
        catch (ConcurrencyConflict conflict)
        {
            _conflict = conflict.Message;
        }
        catch (PlanAccessDenied denied)
        {
            _problem = denied.Message;
        }
        catch (NotFound notFound)
        {
            _problem = notFound.Message + " Someone may have removed it; cancel and reload.";
        }
        finally
        {
            _saving = false;
        }
    }

    private sealed class ServiceRow
    {
        public string? Name { get; set; }

        public NodeTier Tier { get; set; } = NodeTier.Core;

        public string? Version { get; set; }

        public IReadOnlyCollection<string> DependsOn { get; set; } = [];
    }
}
