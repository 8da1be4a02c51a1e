namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// One row of a two-column diff: the old line on the left, the new line on the right. A side is null
/// where that column is blank (the new side of a removed line, the old side of an added one).
/// Line numbers are 1-based.
/// </summary>
public sealed record SideBySideRow(int? OldLineNumber, string? OldText, int? NewLineNumber, string? NewText, LineChangeKind Kind);
