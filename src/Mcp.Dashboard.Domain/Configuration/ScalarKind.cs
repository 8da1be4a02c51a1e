namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>The type YAML 1.2's core schema gives a scalar.</summary>
internal enum ScalarKind
{
    Null,
    Boolean,
    Integer,
    Float,
    String,
}
