using Mcp.Dashboard.Components.Plans;
using Mcp.Dashboard.Components.Tests.Shared;

namespace Mcp.Dashboard.Components.Tests.Schedule;

public sealed class ConfigDiffViewTests : DashboardTestContext
{
    [Fact]
    public void ConfigDiffView_LoggingFormatChanged_ShowsKeyChangeAndChangedRow()
    {
        const string before = "logging:\n  format: text\n  level: info\n";
        const string after = "logging:\n  format: json\n  level: info\n";

        var cut = Render<ConfigDiffView>(p => p.Add(x => x.OldYaml, before).Add(x => x.NewYaml, after));

        var change = cut.Find("li.change[data-path='logging.format']");
        Assert.Contains("change-changed", change.ClassList);
        Assert.Equal("\"text\"", change.QuerySelector(".old-value")!.TextContent);
        Assert.Equal("\"json\"", change.QuerySelector(".new-value")!.TextContent);
        var changed = Assert.Single(cut.FindAll(".sbs-row[data-kind='Changed']"));
        Assert.Equal("  format: text", changed.QuerySelector(".old-text")!.TextContent);
        Assert.Equal("  format: json", changed.QuerySelector(".new-text")!.TextContent);
        Assert.Equal("2", changed.QuerySelector(".new-ln")!.TextContent);
        Assert.Equal(2, cut.FindAll(".sbs-row[data-kind='Unchanged']").Count);
    }

    [Fact]
    public void ConfigDiffView_NewSideInvalid_ShowsErrorWithLineNumberAndMarksTheLine()
    {
        const string before = "logging:\n  format: text\n";
        const string after = "logging:\n  format: json\n   level: [info\n";

        var cut = Render<ConfigDiffView>(p => p.Add(x => x.OldYaml, before).Add(x => x.NewYaml, after));

        var error = cut.Find(".validation-error[data-side='after']");
        var line = error.GetAttribute("data-line");
        Assert.Contains($"After, line {line}", error.TextContent);
        Assert.NotEmpty(cut.FindAll(".new-ln.ln-error"));
        Assert.NotNull(cut.Find(".not-comparable"));
    }

    [Fact]
    public void ConfigDiffView_TextWithMarkup_IsShownEncoded()
    {
        var cut = Render<ConfigDiffView>(p => p.Add(x => x.OldYaml, "a: 1\n").Add(x => x.NewYaml, "a: \"<script>alert(1)</script>\"\n"));

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("<script>", cut.Find(".sbs-row[data-kind='Changed'] .new-text").TextContent);
    }
}
