using Vigil.Alerting.Rules;
using Vigil.Alerting.Rules.Absence;
using Vigil.Alerting.Rules.Log;
using Vigil.Alerting.Rules.Metric;

namespace Vigil.Benchmarks.Alerts;

/// <summary>
/// The benchmark's rules, a mix a team might declare: 40 % metric (every aggregation, half grouped by route), 40 %
/// log (errors per service, warnings of one service, a text search, an attribute filter), 20 % absence (a service's
/// heartbeat, a metric's).
/// </summary>
internal static class AlertBenchRules
{
    public static List<AlertRuleOptions> Make(int count, int metricNames)
    {
        string[] aggregations = ["rate", "increase", "p95", "p99", "avg", "max", "min", "last", "p50", "p90"];
        var rules = new List<AlertRuleOptions>(count);
        for (var i = 0; i < count; i++)
        {
            var name = "rule-" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            var slot = i % 10;
            AlertRuleOptions rule;
            if (slot < 4)
            {
                var m = i % metricNames;
                var kind = AlertBenchData.KindOf(m);
                var aggregation = kind switch
                {
                    Model.MetricKind.Sum => aggregations[i % 2],
                    Model.MetricKind.Histogram => aggregations[2 + (i % 2)],
                    _ => aggregations[4 + (i % 4)],
                };
                var metric = new MetricRuleOptions { Name = AlertBenchData.MetricName(m), Aggregation = aggregation, Window = "5m", Threshold = 10 };
                if (i % 2 == 0)
                {
                    metric.GroupBy.Add("http.route");
                }

                rule = new AlertRuleOptions { Name = name, Kind = "metric", Metric = metric };
            }
            else if (slot < 8)
            {
                var log = (i % 4) switch
                {
                    0 => new LogRuleOptions { Level = "error", Window = "5m", Threshold = 50 },
                    1 => new LogRuleOptions { Service = AlertBenchData.Service(i), Level = "warn", Window = "1m", Threshold = 100 },
                    2 => new LogRuleOptions { Service = AlertBenchData.Service(i), Text = "timeout", Window = "5m", Threshold = 10 },
                    _ => new LogRuleOptions { Service = AlertBenchData.Service(i), Window = "5m", Threshold = 10_000 },
                };
                if (i % 8 == 7)
                {
                    log.Where["region"] = "r" + (i % 10);
                }

                rule = new AlertRuleOptions { Name = name, Kind = "log", Log = log };
            }
            else
            {
                var absence = i % 2 == 0
                    ? new AbsenceRuleOptions { Service = AlertBenchData.Service(i), Window = "5m" }
                    : new AbsenceRuleOptions { Metric = AlertBenchData.MetricName(i % metricNames), Window = "2m" };
                rule = new AlertRuleOptions { Name = name, Kind = "absence", Absence = absence };
            }

            rules.Add(rule);
        }

        return rules;
    }
}
