using Mcp.Dashboard.Domain.Inventory;

namespace Mcp.Dashboard.Domain.Plans;

/// <summary>
/// Checks a definition as typed, field by field, with messages a release manager can act on.
/// Cross-cutting facts (does the environment exist, is the upgrade path allowed) are checked
/// by the readiness panel instead, because they can change after the plan is written.
/// </summary>
public static class PlanDefinitionValidator
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxYamlLength = 256 * 1024;
    public const int MaxItems = 200;
    public const int MaxQueryLength = 2000;
    public const int MaxSelectorLength = 500;

    public static ValidationErrors Validate(PlanDefinition plan)
    {
        var errors = new ValidationErrors();
        Required(errors, "name", plan.Name, MaxNameLength, "Give the plan a name.");
        if (!Names.IsValid(plan.Environment))
        {
            errors.Add("environment", string.IsNullOrWhiteSpace(plan.Environment) ? "Choose an environment." : "Environment " + Names.Rule);
        }

        if (plan.Services.Count == 0)
        {
            errors.Add("services", "Choose at least one service.");
        }

        for (var i = 0; i < plan.Services.Count; i++)
        {
            if (!Names.IsValid(plan.Services[i]))
            {
                errors.Add($"services[{i}]", "Service " + Names.Rule);
            }
        }

        Required(errors, "fromVersion", plan.FromVersion, 64, "Give the version you upgrade from.");
        Required(errors, "toVersion", plan.ToVersion, 64, "Give the version you upgrade to.");
        Optional(errors, "description", plan.Description, MaxTextLength);
        Defined(errors, "kind", plan.Kind);
        Defined(errors, "strategy", plan.Strategy);
        Defined(errors, "windowOverrun", plan.WindowOverrun);

        ValidateStrategy(plan, errors);
        ValidateStages(plan, errors);
        ValidateTeam(plan, errors);
        ValidateRollback(plan, errors);
        ValidateCommunication(plan, errors);
        ValidateDataMigrations(plan, errors);
        ValidateTarget(plan, errors);
        ValidateAnalysis(plan, errors);
        ValidateIds(plan, errors);

        if (plan.ConfigChange is { } config && (config.OldYaml.Length > MaxYamlLength || config.NewYaml.Length > MaxYamlLength))
        {
            errors.Add("configChange", $"Each YAML document may be at most {MaxYamlLength / 1024} KiB.");
        }

        return errors;
    }

    private static void ValidateStrategy(PlanDefinition plan, ValidationErrors errors)
    {
        switch (plan.Strategy)
        {
            case DeploymentStrategy.Canary:
                var steps = plan.Canary.Steps;
                if (steps.Count == 0)
                {
                    errors.Add("canary.steps", "A canary needs at least one step.");
                }

                if (steps.Count > 20)
                {
                    errors.Add("canary.steps", "A canary has at most 20 steps.");
                }

                for (var i = 0; i < steps.Count; i++)
                {
                    if (steps[i].Weight is < 1 or > 100)
                    {
                        errors.Add($"canary.steps[{i}].weight", "Weight is a percentage from 1 to 100.");
                    }
                    else if (i > 0 && steps[i].Weight <= steps[i - 1].Weight)
                    {
                        errors.Add($"canary.steps[{i}].weight", $"Each step must send more traffic than the last ({steps[i - 1].Weight}%).");
                    }

                    if (steps[i].BakeSeconds is < 0 or > 7 * 86400)
                    {
                        errors.Add($"canary.steps[{i}].bakeSeconds", "Bake time is 0 to 604800 seconds (7 days).");
                    }
                }

                if (steps.Count > 0 && steps[^1].Weight != 100)
                {
                    errors.Add("canary.steps", "The last step must reach 100% so the rollout can complete.");
                }

                break;
            case DeploymentStrategy.BlueGreen:
                if (plan.BlueGreen.VerifySeconds is < 0 or > 86400)
                {
                    errors.Add("blueGreen.verifySeconds", "Verification is 0 to 86400 seconds.");
                }

                if (plan.BlueGreen.KeepBlueMinutes is < 0 or > 7 * 1440)
                {
                    errors.Add("blueGreen.keepBlueMinutes", "Keep blue for 0 to 10080 minutes (7 days).");
                }

                break;
            case DeploymentStrategy.Rolling:
                if (plan.Rolling.BatchSize is < 1 or > 1000)
                {
                    errors.Add("rolling.batchSize", "Batch size is 1 to 1000 instances.");
                }

                if (plan.Rolling.IntervalSeconds is < 0 or > 86400)
                {
                    errors.Add("rolling.intervalSeconds", "Interval is 0 to 86400 seconds.");
                }

                break;
        }
    }

    private static void ValidateStages(PlanDefinition plan, ValidationErrors errors)
    {
        if (plan.Stages.Count > 20)
        {
            errors.Add("stages", "A plan has at most 20 stages.");
            return;
        }

        var itemCount = 0;
        for (var s = 0; s < plan.Stages.Count; s++)
        {
            var stage = plan.Stages[s];
            Required(errors, $"stages[{s}].name", stage.Name, MaxNameLength, "Give the stage a name.");
            Defined(errors, $"stages[{s}].tier", stage.Tier);
            itemCount += stage.Checklist.Count;
            for (var i = 0; i < stage.Checklist.Count; i++)
            {
                var item = stage.Checklist[i];
                var path = $"stages[{s}].checklist[{i}]";
                Required(errors, $"{path}.title", item.Title, MaxNameLength, "Say what must be done.");
                if (item.Owner is { Length: > 0 } owner && !LooksLikeEmail(owner))
                {
                    errors.Add($"{path}.owner", "The owner is a team member's e-mail address.");
                }
            }
        }

        if (itemCount > MaxItems)
        {
            errors.Add("stages", $"A plan has at most {MaxItems} checklist items.");
        }
    }

    private static void ValidateTeam(PlanDefinition plan, ValidationErrors errors)
    {
        if (plan.Team.Count > 50)
        {
            errors.Add("team", "A team has at most 50 members.");
            return;
        }

        for (var i = 0; i < plan.Team.Count; i++)
        {
            var member = plan.Team[i];
            Required(errors, $"team[{i}].name", member.Name, MaxNameLength, "Give the member's name.");
            if (!LooksLikeEmail(member.Email))
            {
                errors.Add($"team[{i}].email", "Give the member's e-mail address.");
            }

            Defined(errors, $"team[{i}].role", member.Role);
        }
    }

    private static void ValidateRollback(PlanDefinition plan, ValidationErrors errors)
    {
        for (var i = 0; i < plan.Rollback.Triggers.Count; i++)
        {
            var trigger = plan.Rollback.Triggers[i];
            Required(errors, $"rollback.triggers[{i}].metric", trigger.Metric, 100, "Name the metric, e.g. error_rate.");
            if (!double.IsFinite(trigger.Threshold))
            {
                errors.Add($"rollback.triggers[{i}].threshold", "Threshold must be a number.");
            }

            if (trigger.ForSeconds is < 0 or > 86400)
            {
                errors.Add($"rollback.triggers[{i}].forSeconds", "Duration is 0 to 86400 seconds.");
            }

            Optional(errors, $"rollback.triggers[{i}].description", trigger.Description, MaxNameLength);
        }

        for (var i = 0; i < plan.Rollback.Steps.Count; i++)
        {
            Required(errors, $"rollback.steps[{i}].title", plan.Rollback.Steps[i].Title, MaxNameLength, "Say what the step does.");
        }

        if (plan.Rollback.Triggers.Count > MaxItems || plan.Rollback.Steps.Count > MaxItems)
        {
            errors.Add("rollback", $"At most {MaxItems} triggers and {MaxItems} steps.");
        }
    }

    private static void ValidateCommunication(PlanDefinition plan, ValidationErrors errors)
    {
        for (var i = 0; i < plan.Communication.Entries.Count; i++)
        {
            var entry = plan.Communication.Entries[i];
            var path = $"communication.entries[{i}]";
            if (entry.Moments.Count == 0)
            {
                errors.Add($"{path}.moments", "Choose when this audience hears from us.");
            }

            switch (entry.Channel)
            {
                case CommunicationChannel.Email when !LooksLikeEmail(entry.Destination):
                    errors.Add($"{path}.destination", "Give the e-mail address to write to.");
                    break;
                case CommunicationChannel.Webhook or CommunicationChannel.Slack or CommunicationChannel.Teams when !IsHttpUrl(entry.Destination):
                    errors.Add($"{path}.destination", "Give the http(s) webhook URL.");
                    break;
            }

            Optional(errors, $"{path}.note", entry.Note, MaxTextLength);
            Defined(errors, $"{path}.language", entry.Language);
            foreach (var (moment, template) in entry.Templates)
            {
                if (Communication.MessageTemplate.Problem(template) is { } problem)
                {
                    errors.Add($"{path}.templates.{moment}", problem);
                }
            }
        }
    }

    private static void ValidateDataMigrations(PlanDefinition plan, ValidationErrors errors)
    {
        for (var i = 0; i < plan.DataMigrations.Count; i++)
        {
            var task = plan.DataMigrations[i];
            Required(errors, $"dataMigrations[{i}].title", task.Title, MaxNameLength, "Say what the task covers.");
            Defined(errors, $"dataMigrations[{i}].kind", task.Kind);
            if (task.Sync is { ProgressPercent: < 0 or > 100 })
            {
                errors.Add($"dataMigrations[{i}].sync.progressPercent", "Progress is 0 to 100.");
            }

            if (task.Consistency is { } check && (check.SampleSize < 0 || check.Mismatches < 0 || check.Mismatches > check.SampleSize))
            {
                errors.Add($"dataMigrations[{i}].consistency", "Mismatches must be between 0 and the sample size.");
            }
        }
    }

    private static void ValidateTarget(PlanDefinition plan, ValidationErrors errors)
    {
        Defined(errors, "target.kind", plan.Target.Kind);
        if (plan.Target.Kind == TargetKind.Webhook && !IsHttpUrl(plan.Target.Url))
        {
            errors.Add("target.url", "A webhook target needs an http(s) URL.");
        }

        if (plan.Target.Secret is { Length: > 512 })
        {
            errors.Add("target.secret", "The signing key may be at most 512 characters.");
        }
    }

    private static void ValidateAnalysis(PlanDefinition plan, ValidationErrors errors)
    {
        var metrics = plan.Analysis.Metrics;
        if (metrics.Count > 50)
        {
            errors.Add("analysis.metrics", "At most 50 metrics.");
            return;
        }

        for (var i = 0; i < metrics.Count; i++)
        {
            Required(errors, $"analysis.metrics[{i}].name", metrics[i].Name, 100, "Name the metric, e.g. error_rate.");
            if (metrics[i].Query is { } query)
            {
                if (query.Length > MaxQueryLength)
                {
                    errors.Add($"analysis.metrics[{i}].query", $"A query may be at most {MaxQueryLength} characters.");
                }
                else if (!query.Contains(PrometheusSettings.SelectorPlaceholder, StringComparison.Ordinal))
                {
                    errors.Add($"analysis.metrics[{i}].query", $"Put {PrometheusSettings.SelectorPlaceholder} where the baseline's or canary's label matchers go, e.g. http_requests_total{{{PrometheusSettings.SelectorPlaceholder}}}.");
                }
            }
        }

        if (plan.Analysis.Prometheus is not { } prometheus)
        {
            return;
        }

        if (!IsHttpUrl(prometheus.Url))
        {
            errors.Add("analysis.prometheus.url", "Give the Prometheus server's http(s) URL, without credentials in it.");
        }

        Selector(errors, "analysis.prometheus.baselineSelector", prometheus.BaselineSelector, "baseline");
        Selector(errors, "analysis.prometheus.canarySelector", prometheus.CanarySelector, "canary");
        if (!string.IsNullOrWhiteSpace(prometheus.BaselineSelector) && prometheus.BaselineSelector.Trim() == prometheus.CanarySelector.Trim())
        {
            errors.Add("analysis.prometheus.canarySelector", "The canary selector must differ from the baseline's, or both cohorts read the same series.");
        }

        if (prometheus.LookbackSeconds is < 1 or > 86400)
        {
            errors.Add("analysis.prometheus.lookbackSeconds", "Lookback is 1 to 86400 seconds.");
        }

        for (var i = 0; i < metrics.Count; i++)
        {
            if (PrometheusSettings.QueryFor(metrics[i]) is null && !string.IsNullOrWhiteSpace(metrics[i].Name))
            {
                errors.Add($"analysis.metrics[{i}].query", $"Give a PromQL query for {metrics[i].Name}; only {string.Join(" and ", PrometheusSettings.DefaultMetricNames)} have default queries.");
            }
        }
    }

    // A selector goes between the braces of the query's own selector, so it may not close them.
    private static void Selector(ValidationErrors errors, string field, string? selector, string cohort)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            errors.Add(field, $"Give the label matchers of the {cohort} fleet, e.g. version=\"2.3.0\".");
        }
        else if (selector.Length > MaxSelectorLength)
        {
            errors.Add(field, $"At most {MaxSelectorLength} characters.");
        }
        else if (selector.IndexOfAny(['{', '}', '\n', '\r']) >= 0)
        {
            errors.Add(field, "Label matchers only, without braces or line breaks, e.g. version=\"2.3.0\",app=\"user-service\".");
        }
    }

    // Ids say "this is the same stage, item or task as before" so ticks and evidence survive an
    // edit; the same id twice would make two things claim one history.
    private static void ValidateIds(PlanDefinition plan, ValidationErrors errors)
    {
        void Unique(string field, IEnumerable<Guid?> ids)
        {
            if (ids.OfType<Guid>().Where(id => id != Guid.Empty).GroupBy(id => id).Any(g => g.Count() > 1))
            {
                errors.Add(field, "The same id appears twice; each one must be unique.");
            }
        }

        Unique("stages", plan.Stages.Select(s => s.Id));
        Unique("stages.checklist", plan.Stages.SelectMany(s => s.Checklist).Select(i => i.Id));
        Unique("dataMigrations", plan.DataMigrations.Select(t => (Guid?)t.Id));
    }

    public static bool LooksLikeEmail(string? text) =>
        text is { Length: > 2 and <= 254 } && text.IndexOf('@', StringComparison.Ordinal) is > 0 && !text.Any(char.IsWhiteSpace) && text.IndexOf('@') < text.Length - 1;

    /// <summary>An http(s) URL without credentials in it (those belong in the signing key).</summary>
    public static bool IsHttpUrl(string? text) =>
        text is { Length: <= 2000 }
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.UserInfo);

    private static void Required(ValidationErrors errors, string field, string? value, int maxLength, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, message);
        }
        else if (value.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
        }
    }

    private static void Optional(ValidationErrors errors, string field, string? value, int maxLength)
    {
        if (value is { } text && text.Length > maxLength)
        {
            errors.Add(field, $"At most {maxLength} characters.");
        }
    }

    private static void Defined<TEnum>(ValidationErrors errors, string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(field, $"Choose one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }
    }
}
