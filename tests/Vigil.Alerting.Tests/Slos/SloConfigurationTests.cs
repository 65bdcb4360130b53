using Vigil.Alerting.Configuration;
using Vigil.Alerting.Slos;

namespace Vigil.Alerting.Tests.Slos;

public sealed class SloConfigurationTests
{
    [Fact]
    public void Build_MinimalSpanSlo_TakesTheDefaults()
    {
        // Arrange
        var section = Section(Slo("checkout", "shop", 99.9, "spanErrors"));

        // Act
        var slo = Assert.Single(SloConfiguration.Build(section));

        // Assert
        Assert.Empty(SloConfiguration.Check(section));
        Assert.Equal(("checkout", "shop", TimeSpan.FromDays(30)), (slo.Name, slo.Service, slo.Window));
        Assert.Equal(0.999, slo.Objective, 12);
        Assert.Same(BurnRateWindow.Defaults, slo.Alerts);
        Assert.Equal(new SpanErrorIndicator("shop"), slo.Indicator);
    }

    [Fact]
    public void Build_EveryIndicatorKindAndOverrides_ReadsThemAll()
    {
        // Arrange
        var ratio = Slo("availability", "shop", 99.5, "ratio");
        ratio.Indicator!.Good = new SloMetricSection { Metric = "http.requests" };
        ratio.Indicator.Good.Attributes["outcome"] = "ok";
        ratio.Indicator.Total = new SloMetricSection { Metric = "http.requests" };
        ratio.Window = "7d";
        ratio.BurnRateAlerts.Add(new SloBurnRateAlertSection { Severity = "critical", BurnRate = 10, LongWindow = "2h", ShortWindow = "10m" });
        ratio.Labels["team"] = "shop";
        var histogram = Slo("latency", "shop", 99, "Histogram");
        histogram.Indicator!.Histogram = new SloMetricSection { Metric = "http.server.duration" };
        histogram.Indicator.AtOrUnder = 0.3;
        var spans = Slo("span-latency", "shop", 95, "spanLatency");
        spans.Indicator!.SlowerThan = "250ms";

        // Act
        var slos = SloConfiguration.Build(Section(ratio, histogram, spans));

        // Assert
        Assert.Equal(new MetricRatioIndicator(new MetricSelector("http.requests", "shop", [new("outcome", "ok")]), new MetricSelector("http.requests", "shop", [])).Description, slos[0].Indicator.Description);
        Assert.Equal(TimeSpan.FromDays(7), slos[0].Window);
        Assert.Equal(new BurnRateWindow("critical", 10, TimeSpan.FromHours(2), TimeSpan.FromMinutes(10)), Assert.Single(slos[0].Alerts));
        Assert.Equal("shop", slos[0].Labels["team"]);
        Assert.Equal(new HistogramLatencyIndicator(new MetricSelector("http.server.duration", "shop", []), 0.3), slos[1].Indicator);
        Assert.Equal(new SpanLatencyIndicator("shop", TimeSpan.FromMilliseconds(250)), slos[2].Indicator);
    }

    [Theory]
    [InlineData(100.0, "100 is not allowed: a percentage above 0 and below 100, e.g. 99.9 (100 leaves no error budget")]
    [InlineData(0.0, "0 is not allowed: a percentage above 0 and below 100")]
    [InlineData(-5.0, "-5 is not allowed")]
    [InlineData(150.0, "150 is not allowed")]
    [InlineData(double.NaN, "NaN is not allowed")]
    public void Check_ObjectiveOutOfRange_NamesTheField(double objective, string message)
    {
        // Act
        var problem = Assert.Single(SloConfiguration.Check(Section(Slo("checkout", "shop", objective, "spanErrors"))));

        // Assert
        Assert.Equal("Alerts:Slos:0:Objective", problem.Path);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EverythingWrong_NamesEveryBadField()
    {
        // Arrange
        var bad = new SloSection { Name = "check out!", Window = "soon", Indicator = new SloIndicatorSection { Kind = "spanLatency", SlowerThan = "-1s", AtOrUnder = 3 } };
        bad.BurnRateAlerts.Add(new SloBurnRateAlertSection { Severity = " ", BurnRate = 2000, LongWindow = "5m", ShortWindow = "1h" });
        bad.BurnRateAlerts.Add(null!);
        bad.Labels["slo"] = "mine";
        bad.Labels["9lives"] = "x";
        var duplicate = Slo("twin", "shop", 99, "spanErrors");
        var twin = Slo("TWIN", "shop", 99, "spanErrors");
        var unknownKind = Slo("kind", "shop", 99, "magic");
        var ratioMissing = Slo("ratio", "shop", 99, "ratio");
        ratioMissing.Indicator!.Good = new SloMetricSection { Metric = "" };
        var histogramMissing = Slo("hist", "shop", 99, "histogram");
        histogramMissing.Indicator!.Histogram = new SloMetricSection { Metric = "http.duration" };
        histogramMissing.Indicator.AtOrUnder = double.PositiveInfinity;
        var shortWindow = Slo("short", "shop", 99.9, "spanErrors");
        shortWindow.Window = "1d";

        // Act
        var problems = SloConfiguration.Check(Section(bad, duplicate, twin, unknownKind, ratioMissing, histogramMissing, shortWindow, null!));

        // Assert
        var paths = problems.Select(p => p.Path).ToList();
        Assert.Equal(
            [
                "Alerts:Slos:0:Name",
                "Alerts:Slos:0:Service",
                "Alerts:Slos:0:Objective",
                "Alerts:Slos:0:Window",
                "Alerts:Slos:0:BurnRateAlerts:0:Severity",
                "Alerts:Slos:0:BurnRateAlerts:0:ShortWindow",
                "Alerts:Slos:0:BurnRateAlerts:1",
                "Alerts:Slos:0:Labels:slo",
                "Alerts:Slos:0:Labels:9lives",
                "Alerts:Slos:2:Name",
                "Alerts:Slos:3:Indicator:Kind",
                "Alerts:Slos:4:Indicator:Good:Metric",
                "Alerts:Slos:4:Indicator:Total",
                "Alerts:Slos:5:Indicator:AtOrUnder",
                "Alerts:Slos:6:BurnRateAlerts",
                "Alerts:Slos:7",
            ],
            paths);
        Assert.Contains("already the name of Alerts:Slos:1", problems[paths.IndexOf("Alerts:Slos:2:Name")].Message, StringComparison.Ordinal);
        Assert.Contains("ratio", problems[paths.IndexOf("Alerts:Slos:3:Indicator:Kind")].Message, StringComparison.Ordinal);
        Assert.Contains("3d window is longer than the SLO's window 1d", problems[paths.IndexOf("Alerts:Slos:6:BurnRateAlerts")].Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SloConfiguration.Build(Section(bad)));
    }

    [Fact]
    public void Check_IndicatorKeysOfAnotherKindAndBadSpanThreshold_AreNamed()
    {
        // Arrange: a span-latency SLO with keys of the other kinds and a threshold past a day.
        var slo = Slo("latency", "shop", 99, "spanLatency");
        slo.Indicator!.SlowerThan = "2d";
        slo.Indicator.AtOrUnder = 3;
        slo.Indicator.Good = new SloMetricSection { Metric = "x" };

        // Act
        var problems = SloConfiguration.Check(Section(slo));

        // Assert
        Assert.Equal(["Alerts:Slos:0:Indicator:Good", "Alerts:Slos:0:Indicator:AtOrUnder", "Alerts:Slos:0:Indicator:SlowerThan"], problems.Select(p => p.Path));
        Assert.Contains("is not used by Kind 'spanLatency'", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("from 1ms to 1d", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BurnRateThatCanNeverBeReached_SaysTheHighestPossible()
    {
        // Arrange: at 99 % every request failing burns at 100, so 14.4 is fine and 100 never fires.
        var slo = Slo("checkout", "shop", 99, "spanErrors");
        slo.BurnRateAlerts.Add(new SloBurnRateAlertSection { Severity = "page", BurnRate = 100, LongWindow = "1h", ShortWindow = "5m" });

        // Act
        var problem = Assert.Single(SloConfiguration.Check(Section(slo)));

        // Assert
        Assert.Equal("Alerts:Slos:0:BurnRateAlerts:0:BurnRate", problem.Path);
        Assert.Contains("every event failing burns at 100", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_HostileText_IsRefusedNotEchoedRaw()
    {
        // Arrange: an oversized name, control characters in the service.
        var slo = Slo(new string('a', 10_000), "sh\u0000op", 99, "spanErrors");

        // Act
        var problems = SloConfiguration.Check(Section(slo));

        // Assert
        Assert.Equal(["Alerts:Slos:0:Name", "Alerts:Slos:0:Service"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.DoesNotContain('\u0000', p.Message));
        Assert.All(problems, p => Assert.True(p.Message.Length < 1000, p.Message));
    }

    private static SloSection Slo(string name, string service, double objective, string kind) =>
        new() { Name = name, Service = service, Objective = objective, Indicator = new SloIndicatorSection { Kind = kind } };

    private static AlertingSection Section(params SloSection[] slos)
    {
        var section = new AlertingSection();
        foreach (var slo in slos)
        {
            section.Slos.Add(slo);
        }

        return section;
    }
}
