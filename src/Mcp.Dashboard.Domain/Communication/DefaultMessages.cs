using Mcp.Dashboard.Domain.Plans;

namespace Mcp.Dashboard.Domain.Communication;

/// <summary>
/// The messages an entry sends when its author wrote none: plain language for the business
/// (and for everyone), technical for engineers, in English and Simplified Chinese.
/// </summary>
public static class DefaultMessages
{
    /// <summary>The body for the moment, audience and language.</summary>
    public static string Text(CommunicationMoment moment, CommunicationAudience audience, MessageLanguage language) =>
        (language, audience == CommunicationAudience.Engineers) switch
        {
            (MessageLanguage.ChineseSimplified, true) => ChineseForEngineers(moment),
            (MessageLanguage.ChineseSimplified, false) => ChineseForBusiness(moment),
            (_, true) => EnglishForEngineers(moment),
            _ => EnglishForBusiness(moment),
        };

    /// <summary>The subject line (e-mail subject, card title), one per moment and language.</summary>
    public static string Subject(CommunicationMoment moment, MessageLanguage language) => language == MessageLanguage.ChineseSimplified
        ? moment switch
        {
            CommunicationMoment.Before72Hours or CommunicationMoment.Before24Hours or CommunicationMoment.Before1Hour => "计划维护：{plan}",
            CommunicationMoment.Start => "已开始：{plan}",
            CommunicationMoment.EachStep => "进展：{plan}（第 {step} 步）",
            CommunicationMoment.Pause => "已暂停：{plan}",
            CommunicationMoment.Rollback => "已回滚：{plan}",
            _ => "已完成：{plan}",
        }
        : moment switch
        {
            CommunicationMoment.Before72Hours or CommunicationMoment.Before24Hours or CommunicationMoment.Before1Hour => "Planned maintenance: {plan}",
            CommunicationMoment.Start => "Started: {plan}",
            CommunicationMoment.EachStep => "Progress: {plan} (step {step})",
            CommunicationMoment.Pause => "Paused: {plan}",
            CommunicationMoment.Rollback => "Rolled back: {plan}",
            _ => "Completed: {plan}",
        };

    /// <summary>The entry's own template for the moment, else the default.</summary>
    public static string TemplateFor(CommunicationEntry entry, CommunicationMoment moment) =>
        entry.Templates.TryGetValue(moment, out var own) && !string.IsNullOrWhiteSpace(own) ? own : Text(moment, entry.Audience, entry.Language);

    private static string EnglishForBusiness(CommunicationMoment moment) => moment switch
    {
        CommunicationMoment.Before72Hours => "In three days we upgrade {services} in {environment}, from {window_start} to {window_end}. You do not need to do anything; we will tell you when it starts. Follow along at {status_url}",
        CommunicationMoment.Before24Hours => "Tomorrow we upgrade {services} in {environment}, from {window_start} to {window_end}. You do not need to do anything. Follow along at {status_url}",
        CommunicationMoment.Before1Hour => "In one hour we start upgrading {services} in {environment} (until {window_end}). You do not need to do anything. Follow along at {status_url}",
        CommunicationMoment.Start => "We have started upgrading {services} in {environment}. Everything keeps working while we do. Follow along at {status_url}",
        CommunicationMoment.EachStep => "The upgrade of {services} is going well: {weight}% of traffic is on the new version (step {step}).",
        CommunicationMoment.Pause => "We have paused the upgrade of {services} to look at something: {reason}. Service is not affected; we will update you.",
        CommunicationMoment.Rollback => "We went back to the previous version of {services}: {reason}. Everything works as before; no action needed.",
        _ => "The upgrade of {services} in {environment} is complete. Thank you for your patience.",
    };

    private static string EnglishForEngineers(CommunicationMoment moment) => moment switch
    {
        CommunicationMoment.Before72Hours or CommunicationMoment.Before24Hours or CommunicationMoment.Before1Hour =>
            "{plan}: {environment} {services} {from_version} -> {to_version}, window {window_start} to {window_end}. Rollout: {rollout_url}",
        CommunicationMoment.Start => "{plan} started in {environment}: {services} {from_version} -> {to_version}. {rollout_url}",
        CommunicationMoment.EachStep => "{plan}: step {step} started, canary weight {weight}%, state {state}. {rollout_url}",
        CommunicationMoment.Pause => "{plan} paused at {weight}%: {reason}. {rollout_url}",
        CommunicationMoment.Rollback => "{plan} rolled back to {from_version}: {reason}. {rollout_url}",
        _ => "{plan} completed: {services} on {to_version} in {environment}. {rollout_url}",
    };

    private static string ChineseForBusiness(CommunicationMoment moment) => moment switch
    {
        CommunicationMoment.Before72Hours => "三天后我们将在{environment}环境升级 {services}，时间为 {window_start} 至 {window_end}。您无需任何操作，开始时我们会通知您。进展请见 {status_url}",
        CommunicationMoment.Before24Hours => "明天我们将在{environment}环境升级 {services}，时间为 {window_start} 至 {window_end}。您无需任何操作。进展请见 {status_url}",
        CommunicationMoment.Before1Hour => "一小时后我们将开始在{environment}环境升级 {services}（至 {window_end} 结束）。您无需任何操作。进展请见 {status_url}",
        CommunicationMoment.Start => "我们已开始在{environment}环境升级 {services}，期间服务照常可用。进展请见 {status_url}",
        CommunicationMoment.EachStep => "{services} 升级进展顺利：{weight}% 的流量已切换到新版本（第 {step} 步）。",
        CommunicationMoment.Pause => "我们暂停了 {services} 的升级以排查问题：{reason}。服务不受影响，我们会继续通知您。",
        CommunicationMoment.Rollback => "我们已将 {services} 恢复到之前的版本：{reason}。一切如常，您无需任何操作。",
        _ => "{environment}环境的 {services} 升级已完成，感谢您的耐心。",
    };

    private static string ChineseForEngineers(CommunicationMoment moment) => moment switch
    {
        CommunicationMoment.Before72Hours or CommunicationMoment.Before24Hours or CommunicationMoment.Before1Hour =>
            "{plan}：{environment} {services} {from_version} -> {to_version}，窗口 {window_start} 至 {window_end}。发布：{rollout_url}",
        CommunicationMoment.Start => "{plan} 已在 {environment} 开始：{services} {from_version} -> {to_version}。{rollout_url}",
        CommunicationMoment.EachStep => "{plan}：第 {step} 步已开始，金丝雀流量 {weight}%，状态：{state}。{rollout_url}",
        CommunicationMoment.Pause => "{plan} 在 {weight}% 时暂停：{reason}。{rollout_url}",
        CommunicationMoment.Rollback => "{plan} 已回滚到 {from_version}：{reason}。{rollout_url}",
        _ => "{plan} 已完成：{environment} 的 {services} 已升级到 {to_version}。{rollout_url}",
    };
}
