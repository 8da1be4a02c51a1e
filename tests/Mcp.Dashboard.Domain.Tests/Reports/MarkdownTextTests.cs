using Markdig;
using Mcp.Dashboard.Domain.Reports;

namespace Mcp.Dashboard.Domain.Tests.Reports;

public sealed class MarkdownTextTests
{
    private static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("[x](http://evil)")]
    [InlineData("![img](http://evil/pic.png)")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<a href=\"http://evil\">x</a>")]
    [InlineData("see http://evil.example/path")]
    [InlineData("see www.evil.example")]
    [InlineData("mail boss@evil.example")]
    [InlineData("<http://evil>")]
    [InlineData("[x][1]\n\n[1]: http://evil")]
    [InlineData("&lt;script&gt;")]
    public void Escape_HostileText_RendersAsPlainTextWithoutLinksOrHtml(string typed)
    {
        var html = Markdown.ToHtml($"Reason: {MarkdownText.Escape(typed)}", Gfm);

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "<p>"));
    }

    [Fact]
    public void Escape_KeepsTheWordsReadable()
    {
        var html = Markdown.ToHtml(MarkdownText.Escape("Rolled back *now* because [x](http://evil) <b>broke</b>"), Gfm);

        var text = System.Net.WebUtility.HtmlDecode(html.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal).Trim());
        Assert.Equal("Rolled back *now* because [x](http://evil) <b>broke</b>", text);
    }

    [Theory]
    [InlineData("# heading")]
    [InlineData("- item")]
    [InlineData("+ item")]
    [InlineData("1. item")]
    [InlineData("> quote")]
    [InlineData("=====")]
    public void Escape_TextAtTheStartOfALine_StartsNoBlock(string typed)
    {
        var html = Markdown.ToHtml(MarkdownText.Escape(typed), Gfm);

        Assert.StartsWith("<p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Cell_PipesAndNewlines_KeepTheTableWhole()
    {
        var markdown = $"| a | b |\n| --- | --- |\n| {MarkdownText.Cell("one | two\nthree\r\n| four")} | {MarkdownText.Cell(null)} |\n";

        var html = Markdown.ToHtml(markdown, Gfm);

        Assert.Equal(1, CountOf(html, "<tbody>"));
        Assert.Equal(2, CountOf(html, "<td"));
        Assert.Contains("one | two three | four", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_Nothing_IsEmpty() => Assert.Equal("", MarkdownText.Escape(null));

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;
}
