using Mcp.Dashboard.Domain.Plans;
using static Mcp.Dashboard.Domain.Tests.Plans.PlanFixtures;

namespace Mcp.Dashboard.Domain.Tests.Plans;

public sealed class DefinitionValidatorTests
{
    [Fact]
    public void EveryTemplate_IsValid_OnceFilledIn()
    {
        foreach (var template in PlanTemplates.All)
        {
            var definition = template.Create() with { Environment = "production", Services = ["user-service"], FromVersion = "2.3.0", ToVersion = "2.5.0" };
            var errors = PlanDefinitionValidator.Validate(definition);
            Assert.True(errors.IsValid, $"{template.Key}: {errors}");
            Assert.Null(StageOrder.Warning(definition.Stages));
        }
    }

    [Fact]
    public void CanarySteps_MustRiseAndEndAt100()
    {
        var errors = PlanDefinitionValidator.Validate(Definition() with { Canary = new() { Steps = [new(10, 60), new(5, 60), new(50, 0)] } });

        Assert.NotEmpty(errors.For("canary.steps[1].weight"));
        Assert.Contains("100%", errors.For("canary.steps").Single());
    }

    [Fact]
    public void Webhook_NeedsHttpUrl_AndEmailChannelNeedsAddress()
    {
        var errors = PlanDefinitionValidator.Validate(Definition() with
        {
            Target = new() { Kind = TargetKind.Webhook, Url = "ftp://nope" },
            Communication = new() { Entries = [new() { Channel = CommunicationChannel.Email, Moments = [CommunicationMoment.Start], Destination = "not-an-address" }] },
        });

        Assert.NotEmpty(errors.For("target.url"));
        Assert.NotEmpty(errors.For("communication.entries[0].destination"));
    }

    [Fact]
    public void ChecklistOwner_MustBeAnEmail_AndTitleRequired()
    {
        var definition = Definition() with { Stages = [new() { Name = "Edge", Checklist = [new() { Title = " ", Owner = "bob" }] }] };

        var errors = PlanDefinitionValidator.Validate(definition);

        Assert.NotEmpty(errors.For("stages[0].checklist[0].title"));
        Assert.NotEmpty(errors.For("stages[0].checklist[0].owner"));
    }

    [Fact]
    public void UndefinedEnumValue_IsReported()
    {
        var errors = PlanDefinitionValidator.Validate(Definition() with { Strategy = (DeploymentStrategy)42 });
        Assert.NotEmpty(errors.For("strategy"));
    }
}
