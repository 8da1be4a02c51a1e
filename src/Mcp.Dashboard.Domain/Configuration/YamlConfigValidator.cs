namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// Checks a platform configuration written as YAML before it goes into a plan: syntax, duplicate keys,
/// and the limits that keep a hostile or runaway document from exhausting the server.
/// </summary>
/// <remarks>
/// The document is read as a stream of parser events and never deserialized, so an alias bomb
/// ("billion laughs") is caught by counting what the aliases would expand to, without expanding them.
/// </remarks>
public static class YamlConfigValidator
{
    /// <summary>The largest configuration accepted, in UTF-8 bytes (256 KiB).</summary>
    public const int MaxSizeBytes = 256 * 1024;

    /// <summary>The most values (scalars, lists and maps) a document may hold once aliases are expanded.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>The deepest nesting of lists and maps accepted, aliases expanded.</summary>
    public const int MaxDepth = 64;

    /// <summary>Validates <paramref name="yaml"/>. Never throws: every problem becomes an error in the result.</summary>
    public static YamlValidationResult Validate(string? yaml)
    {
        var document = YamlDocumentReader.Read(yaml);
        return new YamlValidationResult(document.IsEmpty, document.Errors);
    }
}
