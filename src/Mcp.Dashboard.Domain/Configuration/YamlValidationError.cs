namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>One problem in a YAML configuration, at a 1-based line and column, in words an operator can act on.</summary>
public sealed record YamlValidationError(int Line, int Column, string Message)
{
    public override string ToString() => $"Line {Line}, column {Column}: {Message}";
}
