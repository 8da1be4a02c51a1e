using Mcp.Dashboard.Domain.Configuration;

namespace Mcp.Dashboard.Domain.Tests.Configuration;

public class ConfigDiffTests
{
    [Fact]
    public void Compute_PlaybookExample_ListsChangesByKeyPath()
    {
        var diff = ConfigDiff.Compute(PlaybookExample.OldYaml, PlaybookExample.NewYaml);

        Assert.True(diff.Structural.CanCompare);
        Assert.Null(diff.Structural.CannotCompareReason);
        Assert.Equal(
            [
                new ConfigKeyChange("logging.format", ConfigKeyChangeKind.Changed, "\"text\"", "\"json\""),
                new ConfigKeyChange("logging.outputs", ConfigKeyChangeKind.Added, null, "[{type: \"file\", path: \"/var/log/mcp/app.log\"}]"),
            ],
            diff.Structural.Changes);
        Assert.Equal(
            ["logging.format: \"text\" -> \"json\"", "logging.outputs: added [{type: \"file\", path: \"/var/log/mcp/app.log\"}]"],
            diff.Structural.Changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compute_PlaybookExample_PairsTheEditedLineAndAddsTheRest()
    {
        var diff = ConfigDiff.Compute(PlaybookExample.OldYaml, PlaybookExample.NewYaml);

        Assert.Equal(
            [
                new SideBySideRow(1, "logging:", 1, "logging:", LineChangeKind.Unchanged),
                new SideBySideRow(2, "  level: info", 2, "  level: info", LineChangeKind.Unchanged),
                new SideBySideRow(3, "  format: text", 3, "  format: json", LineChangeKind.Changed),
                new SideBySideRow(null, null, 4, "  outputs:", LineChangeKind.Added),
                new SideBySideRow(null, null, 5, "    - type: file", LineChangeKind.Added),
                new SideBySideRow(null, null, 6, "      path: /var/log/mcp/app.log", LineChangeKind.Added),
            ],
            diff.SideBySide);
    }

    [Fact]
    public void Compute_PlaybookExampleReversed_ReportsRemovals()
    {
        var diff = ConfigDiff.Compute(PlaybookExample.NewYaml, PlaybookExample.OldYaml);

        Assert.Equal(
            ["logging.format: \"json\" -> \"text\"", "logging.outputs: removed [{type: \"file\", path: \"/var/log/mcp/app.log\"}]"],
            diff.Structural.Changes.Select(c => c.ToString()));
        Assert.Equal(
            [LineChangeKind.Unchanged, LineChangeKind.Unchanged, LineChangeKind.Changed, LineChangeKind.Removed, LineChangeKind.Removed, LineChangeKind.Removed],
            diff.SideBySide.Select(r => r.Kind));
    }

    [Fact]
    public void Compute_ListItems_AreComparedByPosition()
    {
        const string before = "outputs:\n  - type: console\n  - type: file\n    path: /a.log\n  - type: syslog\n";
        const string after = "outputs:\n  - type: console\n  - type: file\n    path: /b.log\n";

        var changes = ConfigDiff.Compute(before, after).Structural.Changes;

        Assert.Equal(
            ["outputs[1].path: \"/a.log\" -> \"/b.log\"", "outputs[2]: removed {type: \"syslog\"}"],
            changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compute_ValueTypeChanges_AreChangesButRequotingIsNot()
    {
        const string before = "format: text\nreplicas: 3\nenabled: true\nport: 8080\nlabel: ~\n";
        const string after = "format: \"text\"\nreplicas: \"3\"\nenabled: True\nport: 8081\nlabel: null\n";

        var changes = ConfigDiff.Compute(before, after).Structural.Changes;

        Assert.Equal(["replicas: 3 -> \"3\"", "port: 8080 -> 8081"], changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compute_ExplicitTag_DecidesTheValueType()
    {
        var changes = ConfigDiff.Compute("port: 8080\nid: !!str 42\n", "port: !!str 8080\nid: \"42\"\n").Structural.Changes;

        Assert.Equal(["port: 8080 -> \"8080\""], changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compute_ValueTurnsIntoAMap_IsOneChange()
    {
        var changes = ConfigDiff.Compute("logging: off\n", "logging:\n  level: warn\n").Structural.Changes;

        Assert.Equal(["logging: \"off\" -> {level: \"warn\"}"], changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Compute_KeysThatWouldReadAmbiguously_AreQuotedInThePath()
    {
        const string before = "labels:\n  app.kubernetes.io/name: mcp\n";
        const string after = "labels:\n  app.kubernetes.io/name: mcp-core\n  \"team name\": platform\n";

        var changes = ConfigDiff.Compute(before, after).Structural.Changes;

        Assert.Equal(["labels[\"app.kubernetes.io/name\"]", "labels[\"team name\"]"], changes.Select(c => c.Path));
    }

    [Fact]
    public void Compute_AliasedValues_AreComparedExpanded()
    {
        const string before = "defaults: &d {level: info}\napi: *d\n";
        const string after = "defaults: &d {level: debug}\napi: *d\n";

        var changes = ConfigDiff.Compute(before, after).Structural.Changes;

        Assert.Equal(["defaults.level", "api.level"], changes.Select(c => c.Path));
    }

    [Fact]
    public void Compute_ReindentedButEqual_HasNoStructuralChangesButLineChanges()
    {
        var diff = ConfigDiff.Compute("logging:\n  level: info\n", "logging:\n    level: info\n");

        Assert.Empty(diff.Structural.Changes);
        Assert.Contains(diff.SideBySide, r => r.Kind == LineChangeKind.Changed);
    }

    [Fact]
    public void Compute_OldSideEmpty_EverythingIsAdded()
    {
        var diff = ConfigDiff.Compute("", PlaybookExample.OldYaml);

        Assert.True(diff.OldValidation.IsEmpty);
        Assert.Equal(
            [new ConfigKeyChange("logging", ConfigKeyChangeKind.Added, null, "{level: \"info\", format: \"text\"}")],
            diff.Structural.Changes);
        Assert.Equal(
            [
                new SideBySideRow(null, null, 1, "logging:", LineChangeKind.Added),
                new SideBySideRow(null, null, 2, "  level: info", LineChangeKind.Added),
                new SideBySideRow(null, null, 3, "  format: text", LineChangeKind.Added),
            ],
            diff.SideBySide);
    }

    [Fact]
    public void Compute_NewSideOnlyComments_EverythingIsRemoved()
    {
        var diff = ConfigDiff.Compute(PlaybookExample.OldYaml, "# logging now comes from the platform defaults\n");

        Assert.Equal(["logging: removed {level: \"info\", format: \"text\"}"], diff.Structural.Changes.Select(c => c.ToString()));
        Assert.Equal(
            [LineChangeKind.Changed, LineChangeKind.Removed, LineChangeKind.Removed],
            diff.SideBySide.Select(r => r.Kind));
    }

    [Fact]
    public void Compute_ScalarDocumentReplacingNothing_IsAddedAtTheDocumentRoot()
    {
        var change = Assert.Single(ConfigDiff.Compute("", "just text").Structural.Changes);

        Assert.Equal("(document): added \"just text\"", change.ToString());
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(null, null)]
    [InlineData("# a\n", "")]
    public void Compute_BothSidesEmpty_HasNothingToShow(string? before, string? after)
    {
        var diff = ConfigDiff.Compute(before, after);

        Assert.True(diff.Structural.CanCompare);
        Assert.Empty(diff.Structural.Changes);
        Assert.All(diff.SideBySide, r => Assert.NotEqual(LineChangeKind.Unchanged, r.Kind));
    }

    [Fact]
    public void Compute_InvalidNewSide_StillDiffsLinesAndSaysWhyStructureCannot()
    {
        const string broken = "logging:\n  level: info\n  format: [json\n";

        var diff = ConfigDiff.Compute(PlaybookExample.OldYaml, broken);

        Assert.False(diff.Structural.CanCompare);
        Assert.Empty(diff.Structural.Changes);
        Assert.Equal(
            "The new configuration is not valid YAML: line 4, column 1: A '[' list is not closed; expected ',' or ']'.",
            diff.Structural.CannotCompareReason);
        Assert.False(diff.NewValidation.IsValid);
        Assert.True(diff.OldValidation.IsValid);
        Assert.Equal(
            [LineChangeKind.Unchanged, LineChangeKind.Unchanged, LineChangeKind.Changed],
            diff.SideBySide.Select(r => r.Kind));
    }

    [Fact]
    public void Compute_BothSidesInvalid_NamesBothErrors()
    {
        var diff = ConfigDiff.Compute("a: [1\n", "a: 1\na: 2\n");

        Assert.StartsWith("Neither configuration is valid YAML: the old one has an error at line 2", diff.Structural.CannotCompareReason, StringComparison.Ordinal);
        Assert.Contains("the new one at line 2, column 1 (The key 'a' appears twice", diff.Structural.CannotCompareReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_Unicode_SurvivesInPathsValuesAndLines()
    {
        const string before = "ログ:\n  形式: テキスト\n  emoji: 🚀\n";
        const string after = "ログ:\n  形式: \"json ✓\"\n  emoji: 🚀\n";

        var diff = ConfigDiff.Compute(before, after);

        Assert.Equal(["ログ.形式: \"テキスト\" -> \"json ✓\""], diff.Structural.Changes.Select(c => c.ToString()));
        Assert.Equal(
            new SideBySideRow(2, "  形式: テキスト", 2, "  形式: \"json ✓\"", LineChangeKind.Changed),
            diff.SideBySide[1]);
    }

    [Fact]
    public void Compute_ControlCharactersInValues_AreEscapedInValueText()
    {
        var change = Assert.Single(ConfigDiff.Compute("motd: \"hi\"\n", "motd: \"hi\\n\\tthere \\\"you\\\"\"\n").Structural.Changes);

        Assert.Equal("\"hi\\n\\tthere \\\"you\\\"\"", change.NewValue);
    }

    [Fact]
    public void Compute_OnlyLineEndingsDiffer_AllRowsUnchanged()
    {
        var diff = ConfigDiff.Compute("a: 1\nb: 2\n", "a: 1\r\nb: 2\r\n");

        Assert.All(diff.SideBySide, r => Assert.Equal(LineChangeKind.Unchanged, r.Kind));
        Assert.Equal(2, diff.SideBySide.Count);
    }

    [Fact]
    public void Compute_SeveralRemovedLinesBeforeOneAdded_PairsTheFirstAndRemovesTheRest()
    {
        var diff = ConfigDiff.Compute("a: 1\nb: 2\nc: 3\nz: 9\n", "a: 1\nbc: 23\nz: 9\n");

        Assert.Equal(
            [
                new SideBySideRow(1, "a: 1", 1, "a: 1", LineChangeKind.Unchanged),
                new SideBySideRow(2, "b: 2", 2, "bc: 23", LineChangeKind.Changed),
                new SideBySideRow(3, "c: 3", null, null, LineChangeKind.Removed),
                new SideBySideRow(4, "z: 9", 3, "z: 9", LineChangeKind.Unchanged),
            ],
            diff.SideBySide);
    }

    [Fact]
    public void Compute_LastLineWithoutNewline_IsStillALine()
    {
        var diff = ConfigDiff.Compute("a: 1", "a: 1\nb: 2");

        Assert.Equal(
            [
                new SideBySideRow(1, "a: 1", 1, "a: 1", LineChangeKind.Unchanged),
                new SideBySideRow(null, null, 2, "b: 2", LineChangeKind.Added),
            ],
            diff.SideBySide);
    }
}
