using System.Text.Json;
using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;
using Mcp.Dashboard.Domain.Rollouts;
using static Mcp.Dashboard.Domain.Tests.Plans.PlanFixtures;

namespace Mcp.Dashboard.Domain.Tests.Communication;

public sealed class MessageTemplateTests
{
    [Fact]
    public void Render_ReplacesKnownPlaceholders_Once()
    {
        var text = MessageTemplate.Render("{plan} is at {weight}% ({reason})", new Dictionary<string, string>
        {
            ["plan"] = "Upgrade {weight}",
            ["weight"] = "10",
            ["reason"] = "fine",
        });

        // A value that contains a placeholder is not expanded again.
        Assert.Equal("Upgrade {weight} is at 10% (fine)", text);
    }

    [Fact]
    public void Render_LeavesOtherBracesAlone_AndEmptiesKnownPlaceholdersWithoutValue()
    {
        Assert.Equal("{ \"json\": 1 } / ", MessageTemplate.Render("{ \"json\": 1 } / {reason}", new Dictionary<string, string>()));
    }

    [Fact]
    public void UnknownPlaceholders_AreNamed_InTheProblem()
    {
        Assert.Equal(["pln", "when"], MessageTemplate.UnknownPlaceholders("{pln} at {when}, {plan} {pln}"));
        var problem = MessageTemplate.Problem("Hello {pln}");
        Assert.NotNull(problem);
        Assert.Contains("{pln}", problem);
        Assert.Null(MessageTemplate.Problem("Hello {plan} at {window_start}"));
        Assert.NotNull(MessageTemplate.Problem("   "));
        Assert.NotNull(MessageTemplate.Problem(new string('x', MessageTemplate.MaxLength + 1)));
    }

    [Fact]
    public void Validator_RefusesUnknownPlaceholder_NextToTheTemplateField()
    {
        var errors = PlanDefinitionValidator.Validate(Definition() with
        {
            Communication = new()
            {
                Entries =
                [
                    new()
                    {
                        Channel = CommunicationChannel.Slack, Destination = "https://hooks.slack.example/T1/B2/x", Moments = [CommunicationMoment.Start],
                        Templates = new Dictionary<CommunicationMoment, string> { [CommunicationMoment.Start] = "Started {pln}" },
                    },
                ],
            },
        });

        Assert.Contains("{pln}", errors.For("communication.entries[0].templates.Start").Single());
    }

    [Fact]
    public void Defaults_UseOnlyKnownPlaceholders_InEveryMomentAudienceAndLanguage()
    {
        foreach (var moment in Enum.GetValues<CommunicationMoment>())
        {
            foreach (var language in Enum.GetValues<MessageLanguage>())
            {
                Assert.Empty(MessageTemplate.UnknownPlaceholders(DefaultMessages.Subject(moment, language)));
                foreach (var audience in Enum.GetValues<CommunicationAudience>())
                {
                    var text = DefaultMessages.Text(moment, audience, language);
                    Assert.Empty(MessageTemplate.UnknownPlaceholders(text));
                    Assert.NotEmpty(MessageTemplate.Render(text, MessagePlaceholders.Samples));
                }
            }
        }
    }

    [Fact]
    public void Defaults_ArePlainForBusiness_TechnicalForEngineers_AndChineseWhenAsked()
    {
        var facts = new MessageFacts { Plan = "User service", Services = ["user-service"], Environment = "production", FromVersion = "2.3.0", ToVersion = "2.5.0", Weight = 10, StepIndex = 1, StepCount = 4, State = RolloutState.Running };
        var business = MessageTemplate.Render(DefaultMessages.Text(CommunicationMoment.EachStep, CommunicationAudience.Business, MessageLanguage.English), facts.Values(MessageLanguage.English));
        var engineers = MessageTemplate.Render(DefaultMessages.Text(CommunicationMoment.EachStep, CommunicationAudience.Engineers, MessageLanguage.English), facts.Values(MessageLanguage.English));
        var chinese = MessageTemplate.Render(DefaultMessages.Text(CommunicationMoment.EachStep, CommunicationAudience.Business, MessageLanguage.ChineseSimplified), facts.Values(MessageLanguage.ChineseSimplified));

        Assert.Equal("The upgrade of user-service is going well: 10% of traffic is on the new version (step 2 of 4).", business);
        Assert.Contains("canary weight 10%", engineers);
        Assert.Contains("10% 的流量已切换到新版本", chinese);
    }

    [Fact]
    public void EntryTemplate_WinsOverDefault()
    {
        var entry = new CommunicationEntry { Templates = new Dictionary<CommunicationMoment, string> { [CommunicationMoment.Start] = "Go {plan}" } };
        Assert.Equal("Go {plan}", DefaultMessages.TemplateFor(entry, CommunicationMoment.Start));
        Assert.Equal(DefaultMessages.Text(CommunicationMoment.Completion, entry.Audience, entry.Language), DefaultMessages.TemplateFor(entry, CommunicationMoment.Completion));
    }

    [Fact]
    public void WindowTimes_AreInTheWindowsZone_WithTheZoneNamed()
    {
        var facts = new MessageFacts { WindowStart = new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.Zero), TimeZone = "Asia/Shanghai" };
        Assert.Equal("2026-02-01 18:00 (Asia/Shanghai)", facts.Values(MessageLanguage.English)[MessagePlaceholders.WindowStart]);
    }

    [Fact]
    public void EntryWithTemplates_RoundTripsThroughJson()
    {
        var entry = new CommunicationEntry { Language = MessageLanguage.ChineseSimplified, Templates = new Dictionary<CommunicationMoment, string> { [CommunicationMoment.Rollback] = "回滚 {plan}" } };
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        var json = JsonSerializer.Serialize(entry, options);
        Assert.Contains("\"Rollback\"", json);
        var back = JsonSerializer.Deserialize<CommunicationEntry>(json, options)!;
        Assert.Equal("回滚 {plan}", back.Templates[CommunicationMoment.Rollback]);
        Assert.Equal(MessageLanguage.ChineseSimplified, back.Language);
    }
}
