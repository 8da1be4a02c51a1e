using Mcp.Dashboard.Components.Communication;
using Mcp.Dashboard.Components.Tests.Shared;
using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Components.Tests.Communication;

public sealed class TemplateEditorTests : DashboardTestContext
{
    private string? _value;

    private IRenderedComponent<TemplateEditor> RenderEditor(string? value, CommunicationAudience audience = CommunicationAudience.Business, MessageLanguage language = MessageLanguage.English)
    {
        _value = value;
        return Render<TemplateEditor>(p => p
            .Add(e => e.Moment, CommunicationMoment.Start)
            .Add(e => e.Audience, audience)
            .Add(e => e.Language, language)
            .Add(e => e.Value, value)
            .Add(e => e.ValueChanged, (string? v) => _value = v));
    }

    [Fact]
    public void Default_ShowsTheDefaultText_AndItsPreview_WithoutReset()
    {
        var cut = RenderEditor(null);

        Assert.Equal(DefaultMessages.Text(CommunicationMoment.Start, CommunicationAudience.Business, MessageLanguage.English), cut.Find("textarea").GetAttribute("value") ?? cut.Find("textarea").TextContent);
        Assert.Contains("We have started upgrading user-service in production", cut.Find(".template-preview-text").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".template-reset"));
    }

    [Fact]
    public void Chip_InsertsItsPlaceholder_AtTheEnd()
    {
        var cut = RenderEditor("Started");

        cut.Find("[data-placeholder=window_start]").Click();

        Assert.Equal("Started {window_start}", _value);
    }

    [Fact]
    public void Preview_RendersSampleValues_AndEncodesMarkup()
    {
        var cut = RenderEditor("<b>{plan}</b> at {weight}%");

        Assert.Equal("<b>User service 2.3.0 -> 2.5.0</b> at 10%", cut.Find(".template-preview-text").TextContent);
        Assert.Empty(cut.FindAll(".template-preview-text b"));
    }

    [Fact]
    public void UnknownPlaceholder_IsAnErrorNextToTheField()
    {
        var cut = RenderEditor("Started {pln}");

        Assert.Contains("Unknown placeholder {pln}", cut.Find(".template-text .mud-input-helper-text").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Reset_GoesBackToTheDefault()
    {
        var cut = RenderEditor("My own words about {plan}");

        cut.Find(".template-reset").Click();

        Assert.Null(_value);
    }

    [Fact]
    public void EngineersInChinese_GetTheTechnicalChineseDefault()
    {
        var cut = RenderEditor(null, CommunicationAudience.Engineers, MessageLanguage.ChineseSimplified);

        Assert.Contains("已在 production 开始", cut.Find(".template-preview-text").TextContent, StringComparison.Ordinal);
    }
}
