using Mcp.Dashboard.Domain.Communication;
using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Tests.Communication;

public sealed class MomentRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 18, 0, 0, TimeSpan.Zero);
    private static readonly CommunicationMoment[] AllReminders = [CommunicationMoment.Before72Hours, CommunicationMoment.Before24Hours, CommunicationMoment.Before1Hour, CommunicationMoment.Start];

    [Theory]
    [InlineData("rollout.started", CommunicationMoment.Start)]
    [InlineData("step.started", CommunicationMoment.EachStep)]
    [InlineData("rollout.paused", CommunicationMoment.Pause)]
    [InlineData("verdict.hold", CommunicationMoment.Pause)]
    [InlineData("rollback.completed", CommunicationMoment.Rollback)]
    [InlineData("rollout.succeeded", CommunicationMoment.Completion)]
    public void RolloutEvents_MapToMoments(string kind, CommunicationMoment moment) =>
        Assert.Equal(moment, MomentRules.ForRolloutEvent(kind));

    [Theory]
    [InlineData("step.succeeded")]
    [InlineData("rollback.requested")]
    [InlineData("fault.injected")]
    [InlineData("verdict.updated")]
    public void OtherEvents_SayNothing(string kind) => Assert.Null(MomentRules.ForRolloutEvent(kind));

    [Fact]
    public void Reminders_ComeDueInOrder_EachAtItsMoment()
    {
        var booked = Start.AddHours(-80);
        Assert.Null(MomentRules.DueReminder(AllReminders, Start, booked, Start.AddHours(-73)));
        Assert.Equal(CommunicationMoment.Before72Hours, MomentRules.DueReminder(AllReminders, Start, booked, Start.AddHours(-72)));
        Assert.Equal(CommunicationMoment.Before72Hours, MomentRules.DueReminder(AllReminders, Start, booked, Start.AddHours(-30)));
        Assert.Equal(CommunicationMoment.Before24Hours, MomentRules.DueReminder(AllReminders, Start, booked, Start.AddHours(-24)));
        Assert.Equal(CommunicationMoment.Before1Hour, MomentRules.DueReminder(AllReminders, Start, booked, Start.AddMinutes(-30)));
        Assert.Null(MomentRules.DueReminder(AllReminders, Start, booked, Start));
    }

    [Fact]
    public void Reminder_WhoseMomentPassedBeforeBooking_IsSkipped()
    {
        var booked = Start.AddHours(-30);
        Assert.Null(MomentRules.DueReminder([CommunicationMoment.Before72Hours], Start, booked, Start.AddHours(-29)));
        Assert.Null(MomentRules.DueReminder(AllReminders, Start, booked, Start.AddHours(-29)));
        Assert.Equal(CommunicationMoment.Before24Hours, MomentRules.DueReminder(AllReminders, Start, booked, Start.AddHours(-23)));
    }

    [Fact]
    public void Entry_WithoutReminderMoments_GetsNone() =>
        Assert.Null(MomentRules.DueReminder([CommunicationMoment.Start, CommunicationMoment.Completion], Start, Start.AddDays(-10), Start.AddMinutes(-5)));
}
