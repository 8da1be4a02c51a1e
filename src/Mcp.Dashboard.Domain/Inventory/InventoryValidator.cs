using System.Text.RegularExpressions;

namespace Mcp.Dashboard.Domain.Inventory;

/// <summary>Checks an environment as people type it: names, versions, dependencies.</summary>
public static partial class InventoryValidator
{
    public const int MaxServices = 500;

    public static ValidationErrors Validate(string name, IReadOnlyList<PlatformService> services)
    {
        var errors = new ValidationErrors();
        if (!Names.IsValid(name))
        {
            errors.Add("name", Names.Rule);
        }

        if (services.Count > MaxServices)
        {
            errors.Add("services", $"An environment holds at most {MaxServices} services.");
            return errors;
        }

        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < services.Count; i++)
        {
            var service = services[i];
            if (!Names.IsValid(service.Name))
            {
                errors.Add($"services[{i}].name", Names.Rule);
            }
            else if (!known.Add(service.Name))
            {
                errors.Add($"services[{i}].name", $"'{service.Name}' is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(service.Version) || service.Version.Length > 64 || !VersionText().IsMatch(service.Version))
            {
                errors.Add($"services[{i}].version", "Give a version such as 2.3.0.");
            }

            if (!Enum.IsDefined(service.Tier))
            {
                errors.Add($"services[{i}].tier", "Tier must be Edge, Management or Core.");
            }
        }

        for (var i = 0; i < services.Count; i++)
        {
            foreach (var dependency in services[i].DependsOn)
            {
                if (string.Equals(dependency, services[i].Name, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"services[{i}].dependsOn", "A service cannot depend on itself.");
                }
                else if (!known.Contains(dependency))
                {
                    errors.Add($"services[{i}].dependsOn", $"'{dependency}' is not a service of this environment.");
                }
            }
        }

        return errors;
    }

    [GeneratedRegex(@"^v?\d+(\.\d+){0,3}([-+][0-9A-Za-z.-]+)?\z")]
    private static partial Regex VersionText();
}

/// <summary>The rule for names that appear in URLs and feeds: environments and services.</summary>
public static partial class Names
{
    public const string Rule = "Use 1-63 lowercase letters, digits and dashes, starting with a letter.";

    public static bool IsValid(string? name) => name is not null && Slug().IsMatch(name);

    // \z, not $: in .NET "$" also matches before a final newline.
    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}\\z")]
    private static partial Regex Slug();
}
