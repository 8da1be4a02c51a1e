using Mcp.Dashboard.Components.Pages.Account;
using Mcp.Dashboard.Domain.Access;

namespace Mcp.Dashboard.Components.Tests.Pages;

public sealed class TokensPageTests : PageTestContext
{
    [Fact]
    public void TokensPage_NewToken_IsShownOnceAndGoneAfterClosing()
    {
        SignIn("sam.okafor@example.com", DashboardRoles.Engineer);
        var cut = RenderWithProviders<TokensPage>();
        cut.WaitForAssertion(() => Assert.Contains("You have no tokens yet.", cut.Markup, StringComparison.Ordinal));

        cut.Find("[data-testid=token-name] input, input[data-testid=token-name]").Change("ci pipeline");
        cut.Find("button[data-testid=create-token]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("mcp_", cut.Find("[data-testid=new-token]").TextContent, StringComparison.Ordinal));
        var token = cut.Find("[data-testid=new-token]").TextContent;
        Assert.Contains("won't see this token again", cut.Find("[data-testid=once-warning]").TextContent, StringComparison.Ordinal);

        cut.Find("button[data-testid=token-done]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=new-token]")));
        Assert.DoesNotContain(token, cut.Markup, StringComparison.Ordinal);
        Assert.Contains("ci pipeline", cut.Markup, StringComparison.Ordinal);
        Assert.Contains(token[..10] + "…", cut.Markup, StringComparison.Ordinal);
    }
}
