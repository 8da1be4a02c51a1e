using Mcp.Dashboard.Components.Rollouts;
using Mcp.Dashboard.Components.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Mcp.Dashboard.Components.Tests.Rollouts;

public sealed class RollbackDialogTests : DashboardTestContext
{
    private readonly IRenderedComponent<MudDialogProvider> _provider;
    private IDialogReference? _dialog;

    public RollbackDialogTests()
    {
        _provider = Render<MudDialogProvider>();
    }

    [Fact]
    public async Task RollbackDialog_Opened_SaysWhatWillHappenIncludingTheVersionTrafficReturnsTo()
    {
        await OpenAsync();

        var text = _provider.Find(".consequences").TextContent;
        Assert.Contains("cancel the steps that have not run yet", text, StringComparison.Ordinal);
        Assert.Contains("send all traffic back to 2.3.0", text, StringComparison.Ordinal);
        Assert.Contains("rollback checklist", text, StringComparison.Ordinal);
        Assert.Contains("tell everyone watching", text, StringComparison.Ordinal);
        Assert.Contains("audit trail", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackDialog_ConfirmedWithoutAReason_ShowsTheErrorByTheFieldAndStaysOpen()
    {
        await OpenAsync();

        _provider.Find("#rollback-reason").Input("   ");
        _provider.Find(".rollback-confirm").Click();

        var error = _provider.Find(".mud-input-control");
        Assert.Contains("Say why", error.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(_provider.FindAll(".rollback-dialog"));
        Assert.False(_dialog!.Result.IsCompleted);
    }

    [Fact]
    public async Task RollbackDialog_ConfirmedWithAReason_ClosesWithTheTrimmedReason()
    {
        await OpenAsync();

        _provider.Find("#rollback-reason").Input("  Errors doubled on the canary  ");
        _provider.Find(".rollback-confirm").Click();

        var result = await _dialog!.Result.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);
        Assert.False(result!.Canceled);
        Assert.Equal("Errors doubled on the canary", result.Data);
    }

    [Fact]
    public async Task RollbackDialog_ReasonTooLong_IsRefusedByTheField()
    {
        await OpenAsync();

        _provider.Find("#rollback-reason").Input(new string('x', RollbackDialog.MaxLength + 1));
        _provider.Find(".rollback-confirm").Click();

        Assert.Contains("At most 500 characters.", _provider.Find(".mud-input-control").TextContent, StringComparison.Ordinal);
        Assert.False(_dialog!.Result.IsCompleted);
    }

    [Fact]
    public async Task RollbackDialog_Cancelled_ReturnsCanceled()
    {
        await OpenAsync();

        _provider.Find("#rollback-reason").Input("changed my mind");
        _provider.Find(".rollback-cancel").Click();

        var result = await _dialog!.Result.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken);
        Assert.True(result!.Canceled);
        _provider.WaitForAssertion(() => Assert.Empty(_provider.FindAll(".rollback-dialog")));
    }

    private async Task OpenAsync()
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<RollbackDialog>
        {
            { d => d.PlanName, "User service" },
            { d => d.FromVersion, "2.3.0" },
            { d => d.ToVersion, "2.5.0" },
        };
        _dialog = await _provider.InvokeAsync(() => dialogs.ShowAsync<RollbackDialog>("Roll back", parameters));
        _provider.WaitForElement(".rollback-dialog");
    }
}
