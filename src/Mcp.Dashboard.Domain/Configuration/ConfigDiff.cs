namespace Mcp.Dashboard.Domain.Configuration;

/// <summary>
/// What a plan's configuration change does, in two complementary views: a <see cref="Structural"/> diff of
/// values by key path for reviewing intent, and <see cref="SideBySide"/> rows of the text for reviewing it
/// exactly. The text view always works; the structural one needs both sides to be valid YAML.
/// </summary>
public sealed class ConfigDiff
{
    private ConfigDiff(
        StructuralDiff structural,
        IReadOnlyList<SideBySideRow> sideBySide,
        YamlValidationResult oldValidation,
        YamlValidationResult newValidation)
    {
        Structural = structural;
        SideBySide = sideBySide;
        OldValidation = oldValidation;
        NewValidation = newValidation;
    }

    public StructuralDiff Structural { get; }

    /// <summary>One row per line pair, in order, for a two-column view.</summary>
    public IReadOnlyList<SideBySideRow> SideBySide { get; }

    /// <summary>What the validator says about the old configuration, so each column can show its own errors.</summary>
    public YamlValidationResult OldValidation { get; }

    /// <summary>What the validator says about the new configuration.</summary>
    public YamlValidationResult NewValidation { get; }

    /// <summary>Compares two configurations. Never throws; null is read as an empty configuration.</summary>
    public static ConfigDiff Compute(string? oldYaml, string? newYaml)
    {
        oldYaml ??= "";
        newYaml ??= "";
        var oldDocument = YamlDocumentReader.Read(oldYaml);
        var newDocument = YamlDocumentReader.Read(newYaml);

        var structural = (oldDocument.Errors, newDocument.Errors) switch
        {
            ([var oldError, ..], [var newError, ..]) => StructuralDiff.NotComparable(
                $"Neither configuration is valid YAML: the old one has an error at line {oldError.Line}, column {oldError.Column} ({oldError.Message}), and the new one at line {newError.Line}, column {newError.Column} ({newError.Message})."),
            ([var oldError, ..], _) => StructuralDiff.NotComparable(
                $"The old configuration is not valid YAML: line {oldError.Line}, column {oldError.Column}: {oldError.Message}"),
            (_, [var newError, ..]) => StructuralDiff.NotComparable(
                $"The new configuration is not valid YAML: line {newError.Line}, column {newError.Column}: {newError.Message}"),
            _ => StructuralDiff.Compared(StructuralComparison.Compare(oldDocument.Root, newDocument.Root)),
        };

        return new ConfigDiff(
            structural,
            LineDiff.Compute(oldYaml, newYaml),
            new YamlValidationResult(oldDocument.IsEmpty, oldDocument.Errors),
            new YamlValidationResult(newDocument.IsEmpty, newDocument.Errors));
    }
}
