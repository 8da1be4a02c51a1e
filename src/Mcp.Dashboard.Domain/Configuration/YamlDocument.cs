namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>What <see cref="YamlDocumentReader"/> made of a document: its values, or why there are none.</summary>
/// <param name="Root">The document's value; null when it is empty or has errors.</param>
/// <param name="IsEmpty">Whether the document holds no value at all.</param>
/// <param name="Errors">Why the document is not valid; empty when it is.</param>
internal sealed record YamlDocument(ConfigNode? Root, bool IsEmpty, IReadOnlyList<YamlValidationError> Errors);
