using Vigil.Alerting.Configuration;
using Vigil.Alerting.Rules;

namespace Vigil.Alerting.Tests.Rules;

public sealed class AlertRuleValidatorTests
{
    private static AlertRuleOptions Good(string name = "ShopDown") => new() { Name = name, Kind = "health" };

    private static List<string> Problems(params AlertRuleOptions?[] rules)
    {
        var section = new AlertingSection { DefaultRules = false };
        foreach (var rule in rules)
        {
            section.Rules.Add(rule!);
        }

        return [.. AlertRuleValidator.Check(section, configurationFile: null).Select(p => p.ToString())];
    }

    [Fact]
    public void Check_GoodRules_HasNoProblem()
    {
        var error = new AlertRuleOptions { Name = "ShopErrors", Kind = "Error", Interval = "30s", For = "1m", KeepFiringFor = "5m", Severity = "High", Error = new() { On = "rate", Threshold = 3, Window = "5m", By = "service", Service = "shop" } };
        error.Labels["team"] = "shop";
        error.Annotations["summary"] = "{{ labels.service }}: {{ value }} errors a minute (over {{ threshold }})";

        Assert.Empty(Problems(error, Good(), new AlertRuleOptions { Name = "Stale", Kind = "health", Health = new() { On = "stale", StaleAfter = "2m", Source = "probe" } }));
    }

    [Theory]
    [InlineData(null, "Alerts:Rules:0:Name: is required")]
    [InlineData("", "Alerts:Rules:0:Name: is required")]
    [InlineData("9lives", "Alerts:Rules:0:Name: '9lives' is not allowed: letters, digits")]
    [InlineData("shop down", "Alerts:Rules:0:Name: 'shop down' is not allowed")]
    [InlineData("a{b}", "Alerts:Rules:0:Name: 'a{b}' is not allowed")]
    public void Check_BadName_NamesTheFieldAndWhatIsAllowed(string? name, string expected)
    {
        var problem = Assert.Single(Problems(new AlertRuleOptions { Name = name, Kind = "health" }));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NameTooLong_IsRefused()
    {
        var problem = Assert.Single(Problems(Good(new string('a', AlertRuleValidator.MaxNameLength + 1))));
        Assert.Contains("at most 128 characters", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DuplicateNames_NamesTheFirst()
    {
        var problem = Assert.Single(Problems(Good(), Good("Other"), Good()));
        Assert.Equal("Alerts:Rules:2:Name: 'ShopDown' is already the name of Alerts:Rules:0: rule names are unique", problem);
    }

    [Theory]
    [InlineData(null, "Alerts:Rules:0:Kind: is required: error, health")]
    [InlineData("prometheus", "Alerts:Rules:0:Kind: 'prometheus' is not a rule kind: error, health")]
    public void Check_BadKind_ListsTheKinds(string? kind, string expected)
    {
        var problem = Assert.Single(Problems(new AlertRuleOptions { Name = "X", Kind = kind }));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Interval", "5 minutes", "'5 minutes' is not a duration: a number and a unit")]
    [InlineData("Interval", "0s", "'0s' is out of range: from 1s to 7d")]
    [InlineData("Interval", "8d", "'8d' is out of range: from 1s to 7d")]
    [InlineData("For", "-1m", "is not a duration")]
    [InlineData("For", "99999999999999999999h", "is not a duration")]
    [InlineData("KeepFiringFor", "1y", "is not a duration")]
    public void Check_BadDuration_UsesTheDurationGrammar(string field, string value, string expected)
    {
        var rule = Good();
        typeof(AlertRuleOptions).GetProperty(field)!.SetValue(rule, value);

        var problem = Assert.Single(Problems(rule));

        Assert.StartsWith($"Alerts:Rules:0:{field}: ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BadSeverity_ListsTheSeverities()
    {
        var rule = Good();
        rule.Severity = "page";
        Assert.Equal("Alerts:Rules:0:Severity: 'page' is not a severity: critical, high, warning, info", Assert.Single(Problems(rule)));
    }

    [Theory]
    [InlineData("team-name", "x", "Alerts:Rules:0:Labels:team-name: 'team-name' is not a label name")]
    [InlineData("alertname", "x", "Alerts:Rules:0:Labels:alertname: is set by the rule's Name")]
    [InlineData("severity", "x", "Alerts:Rules:0:Labels:severity: is set by the rule's Severity")]
    [InlineData("team", " ", "Alerts:Rules:0:Labels:team: is blank")]
    public void Check_BadLabel_NamesTheLabel(string name, string value, string expected)
    {
        var rule = Good();
        rule.Labels[name] = value;
        Assert.StartsWith(expected, Assert.Single(Problems(rule)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HugeLabelValue_IsRefused()
    {
        var rule = Good();
        rule.Labels["team"] = new string('x', 100_000);
        Assert.Equal("Alerts:Rules:0:Labels:team: is 100000 characters long: at most 1024", Assert.Single(Problems(rule)));
    }

    [Theory]
    [InlineData("{{ value", "has a {{ at 0 that is not closed by }}: fields are {{ value }}, {{ threshold }}, {{ detail }} or {{ labels.NAME }}")]
    [InlineData("{{ values }}", "refers to 'values', which is not a field: use {{ value }}, {{ threshold }}, {{ detail }} or {{ labels.NAME }}")]
    [InlineData("{{ labels. }}", "refers to 'labels.', which is not a field")]
    [InlineData("{{ labels.a-b }}", "refers to 'labels.a-b', which is not a field")]
    [InlineData("{{}}", "refers to '', which is not a field: use {{ value }}, {{ threshold }}, {{ detail }} or {{ labels.NAME }}")]
    [InlineData("{{ .Value }}", "refers to '.Value', which is not a field")]
    public void Check_BadTemplate_NamesTheAnnotationAndTheFields(string template, string expected)
    {
        var rule = Good();
        rule.Annotations["summary"] = template;
        Assert.StartsWith($"Alerts:Rules:0:Annotations:summary: {expected}", Assert.Single(Problems(rule)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HugeTemplate_IsRefused()
    {
        var rule = Good();
        rule.Annotations["description"] = new string('x', AnnotationTemplate.MaxLength + 1);
        Assert.Contains("at most 4096", Assert.Single(Problems(rule)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AnotherKindsSubObject_IsRefused()
    {
        var rule = Good();
        rule.Error = new() { On = "new" };
        Assert.Equal("Alerts:Rules:0:Error: is for rules of kind error; this rule is of kind health: remove it, or change Kind", Assert.Single(Problems(rule)));
    }

    [Fact]
    public void Check_ErrorRuleWithoutItsOptions_SaysWhatToGive()
    {
        Assert.Equal(
            "Alerts:Rules:0:Error: is required for kind error: give On (new, regression, count, rate)",
            Assert.Single(Problems(new AlertRuleOptions { Name = "E", Kind = "error" })));
    }

    [Theory]
    [InlineData("sometimes", null, null, null, "Alerts:Rules:0:Error:On: 'sometimes' is not allowed: new, regression, count, rate")]
    [InlineData("count", null, null, null, "Alerts:Rules:0:Error:Threshold: is required for On count")]
    [InlineData("rate", -1.0, null, null, "Alerts:Rules:0:Error:Threshold: -1 is not allowed: a number from 0 to 999")]
    [InlineData("count", 1e9, null, null, "Alerts:Rules:0:Error:Threshold: 1000000000 is not allowed")]
    [InlineData("count", double.NaN, null, null, "Alerts:Rules:0:Error:Threshold: NaN is not allowed")]
    [InlineData("count", 5.0, "10s", null, "Alerts:Rules:0:Error:Window: '10s' is out of range: from 1m to 7d")]
    [InlineData("count", 5.0, null, "tenant", "Alerts:Rules:0:Error:By: 'tenant' is not allowed: group, service")]
    [InlineData("new", 5.0, null, null, "Alerts:Rules:0:Error:Threshold: is only for On count or rate")]
    [InlineData("regression", null, "1h", null, "Alerts:Rules:0:Error:Window: is not used by On regression")]
    public void Check_BadErrorOptions_NamesTheField(string on, double? threshold, string? window, string? by, string expected)
    {
        var rule = new AlertRuleOptions { Name = "E", Kind = "error", Error = new() { On = on, Threshold = threshold, Window = window, By = by } };
        Assert.StartsWith(expected, Assert.Single(Problems(rule)), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BadErrorSeverityServiceAndGroup_AreEachNamed()
    {
        var rule = new AlertRuleOptions { Name = "E", Kind = "error", Error = new() { On = "new", MinimumSeverity = "urgent", Service = " ", Group = 0 } };
        Assert.Equal(
            [
                "Alerts:Rules:0:Error:MinimumSeverity: 'urgent' is not a severity: low, medium, high or critical",
                "Alerts:Rules:0:Error:Service: is blank: give a service.name, or leave the key out",
                "Alerts:Rules:0:Error:Group: 0 is not a group id: a whole number from 1, as vigil errors shows it",
            ],
            Problems(rule));
    }

    [Fact]
    public void Check_BadHealthOptions_AreEachNamed()
    {
        var rule = new AlertRuleOptions { Name = "H", Kind = "health", Health = new() { On = "sick", Source = "sdk", Name = "", StaleAfter = "soon" } };
        Assert.Equal(
            [
                "Alerts:Rules:0:Health:On: 'sick' is not allowed: unhealthy, degraded, stale",
                "Alerts:Rules:0:Health:Source: 'sdk' is not allowed: check, probe",
                "Alerts:Rules:0:Health:Name: is blank: give the name of a check or probe, or leave the key out",
                $"Alerts:Rules:0:Health:StaleAfter: 'soon' is not a duration: {Vigil.Model.Text.DurationGrammar.Allowed}, from 1s to 7d",
            ],
            Problems(rule));
    }

    [Fact]
    public void Check_StaleAfterOnAnUnhealthyRule_IsRefused()
    {
        var rule = new AlertRuleOptions { Name = "H", Kind = "health", Health = new() { On = "unhealthy", StaleAfter = "1m" } };
        Assert.Equal("Alerts:Rules:0:Health:StaleAfter: is only for On stale; this rule is On unhealthy", Assert.Single(Problems(rule)));
    }

    [Fact]
    public void Check_EmptyElement_SaysWhatToGive()
    {
        Assert.Equal("Alerts:Rules:1: is empty: give at least Name and Kind", Assert.Single(Problems(Good(), null)));
    }

    [Fact]
    public void Check_EveryProblemOfARule_IsReportedAtOnce()
    {
        var rule = new AlertRuleOptions { Name = "1", Kind = "health", Interval = "x", Severity = "y" };
        rule.Labels["a b"] = "c";
        Assert.Equal(4, Problems(rule).Count);
    }

    [Fact]
    public void Check_TooManyRules_IsRefused()
    {
        var rules = Enumerable.Range(0, RuleSet.MaxRules + 1).Select(i => Good($"R{i}")).ToArray();
        Assert.Equal("Alerts:Rules: there are 10001 rules: at most 10000", Assert.Single(Problems(rules)));
    }

    [Fact]
    public void Load_DefaultRules_AreTheFourDefaultsUnlessTurnedOff()
    {
        var on = RuleSet.Load(new AlertingSection(), null);
        var off = RuleSet.Load(new AlertingSection { DefaultRules = false }, null);

        Assert.Empty(on.Problems);
        Assert.Equal(["NewErrorGroup", "ErrorRegression", "HealthUnhealthy", "HealthStale"], on.Rules.Select(r => r.Name));
        Assert.All(on.Rules, r => Assert.Equal("default", r.Source));
        Assert.Empty(off.Rules);
    }

    [Fact]
    public void Load_RuleNamedLikeADefault_ReplacesIt()
    {
        var section = new AlertingSection();
        section.Rules.Add(new AlertRuleOptions { Name = "HealthStale", Kind = "health", Severity = "info", Health = new() { On = "stale", StaleAfter = "10m" } });

        var set = RuleSet.Load(section, null);

        var stale = Assert.Single(set.Rules, r => r.Name == "HealthStale");
        Assert.Equal("info", stale.Severity);
        Assert.Equal("Alerts:Rules:0", stale.Source);
        Assert.Equal(4, set.Rules.Count);
    }
}
