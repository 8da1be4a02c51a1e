namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>What <see cref="YamlConfigValidator"/> found in a configuration.</summary>
public sealed class YamlValidationResult
{
    internal YamlValidationResult(bool isEmpty, IReadOnlyList<YamlValidationError> errors)
    {
        IsEmpty = isEmpty;
        Errors = errors;
    }

    public bool IsValid => Errors.Count == 0;

    /// <summary>
    /// The document holds no value (blank, comments only, or a bare <c>---</c>). That is valid:
    /// a plan may add a configuration where there was none, or remove one.
    /// </summary>
    public bool IsEmpty { get; }

    /// <summary>In document order. Syntax errors stop the reading, so at most one of those is reported.</summary>
    public IReadOnlyList<YamlValidationError> Errors { get; }
}
