namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// One difference between two configurations, by key path: <c>logging.format: "text" -> "json"</c>.
/// </summary>
/// <param name="Path">
/// Keys joined with dots and list positions in brackets (<c>logging.outputs[0].path</c>); keys that would
/// read ambiguously are quoted in brackets (<c>labels["app.kubernetes.io/name"]</c>). Empty for the whole document.
/// </param>
/// <param name="Kind">Whether the value was added, removed or changed.</param>
/// <param name="OldValue">The old value in YAML flow style, strings quoted; null when added.</param>
/// <param name="NewValue">The new value in YAML flow style, strings quoted; null when removed.</param>
public sealed record ConfigKeyChange(string Path, ConfigKeyChangeKind Kind, string? OldValue, string? NewValue)
{
    public override string ToString()
    {
        var path = Path.Length == 0 ? "(document)" : Path;
        return Kind switch
        {
            ConfigKeyChangeKind.Added => $"{path}: added {NewValue}",
            ConfigKeyChangeKind.Removed => $"{path}: removed {OldValue}",
            _ => $"{path}: {OldValue} -> {NewValue}",
        };
    }
}
