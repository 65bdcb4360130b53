using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Ruby backtraces as opentelemetry-ruby and hand-written instrumentation send them.</summary>
public sealed class ExceptionFingerprinterRubyTests
{
    private const string ChargeError = "Shop::ChargeError";

    public static TheoryData<string, string, string> Formats => new()
    {
        { "full_message", RubyTexts.FullMessage, "payment_client.post" },
        { "full_message before 3.4", RubyTexts.FullMessageBeforeRuby34, "payment_client.post" },
        { "backtrace", RubyTexts.Backtrace, "order_charger.charge" },
    };

    [Theory]
    [MemberData(nameof(Formats))]
    public void Compute_SameSiteDifferentLinesAndRoot_SameGroup(string format, string text, string culprit)
    {
        // Arrange: a redeploy shifts the lines and moves the root (/app of a container, a Capistrano release).
        var before = StackText.Details(text, 10, 20, "/app", ChargeError);
        var after = StackText.Details(text, 17, 31, "/srv/app/releases/20250301120000", ChargeError);

        // Act
        var a = before.Fingerprint();
        var b = after.Fingerprint();

        // Assert
        Assert.True(a.Value == b.Value, format + ": " + string.Join(" | ", a.Components) + " vs " + string.Join(" | ", b.Components));
        Assert.Equal(FingerprintMethod.StackTrace, a.Method);
        Assert.Equal(culprit, a.Culprit);
        Assert.All(a.Components, c => Assert.DoesNotContain("/app", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_FullMessage_CauseFollowsAndLibraryAndClauseFramesFold()
    {
        // Act
        var fingerprint = StackText.Details(RubyTexts.FullMessage, 10, 20, "/app", ChargeError).Fingerprint();

        // Assert: "rescue in" and "block in" group with their method; gems, the standard library and <internal:> drop.
        Assert.Equal(
            [
                "type:Shop::ChargeError",
                "frame:order_charger.charge",
                "frame:order_charger.call",
                "frame:orders_controller.create",
                "type:Errno::ECONNREFUSED",
                "frame:payment_client.post",
                "frame:order_charger.charge",
                "frame:order_charger.call",
            ],
            fingerprint.Components);
    }

    [Fact]
    public void Compute_Ruby34AndOlderLabels_SameGroup()
    {
        // Act: an application upgraded from Ruby 3.3 to 3.4 keeps its groups.
        var older = StackText.Details(RubyTexts.FullMessageBeforeRuby34, 10, 20, "/app", ChargeError).Fingerprint();
        var newer = StackText.Details(RubyTexts.FullMessage, 10, 20, "/app", ChargeError).Fingerprint();

        // Assert
        Assert.Equal(newer.Components, older.Components);
        Assert.Equal(newer.Value, older.Value);
    }

    [Fact]
    public void Compute_BacktraceWithoutHeader_TypeFromAttribute()
    {
        // Act
        var fingerprint = StackText.Details(RubyTexts.Backtrace, 10, 20, "/app", "NoMethodError").Fingerprint();

        // Assert
        Assert.Equal(
            ["type:NoMethodError", "frame:order_charger.charge", "frame:order_charger.call", "frame:orders_controller.create"],
            fingerprint.Components);
    }

    [Fact]
    public void Compute_SameThrowSiteOtherCaller_DifferentGroups()
    {
        // Arrange
        var checkout = StackText.Details(RubyTexts.FullMessage, 10, 20, "/app", ChargeError);
        var admin = StackText.Details(
            RubyTexts.FullMessage.Replace("orders_controller.rb:{1}:in 'OrdersController#create'", "admin/refunds_controller.rb:{1}:in 'Admin::RefundsController#update'", StringComparison.Ordinal),
            10, 20, "/app", ChargeError);

        // Act
        var a = checkout.Fingerprint();
        var b = admin.Fingerprint();

        // Assert
        Assert.NotEqual(a.Value, b.Value);
        Assert.Equal(a.Culprit, b.Culprit);
    }

    [Fact]
    public void Compute_OtherCauseType_DifferentGroups()
    {
        // Arrange
        var refused = StackText.Details(RubyTexts.FullMessage, 10, 20, "/app", ChargeError);
        var timeout = StackText.Details(RubyTexts.FullMessage.Replace("(Errno::ECONNREFUSED)", "(Net::OpenTimeout)", StringComparison.Ordinal), 10, 20, "/app", ChargeError);

        // Act & Assert
        Assert.NotEqual(refused.Fingerprint().Value, timeout.Fingerprint().Value);
    }

    [Fact]
    public void Compute_GemUpgradeAndMiddlewareDepth_SameGroup()
    {
        // Arrange: Rails upgraded; its frames, versions and depth change, the application's do not.
        var upgraded = RubyTexts.FullMessage
            .Replace("activerecord-7.1.3", "activerecord-7.2.1", StringComparison.Ordinal)
            .Replace(
                "	from /usr/local/lib/ruby/3.4.0/monitor.rb:201:in 'Monitor#synchronize'",
                "	from /usr/local/bundle/gems/actionpack-7.2.1/lib/abstract_controller/base.rb:226:in 'AbstractController::Base#process_action'\n	from /usr/local/bundle/gems/rack-3.1.8/lib/rack/runtime.rb:24:in 'Rack::Runtime#call'",
                StringComparison.Ordinal);

        // Act
        var a = StackText.Details(RubyTexts.FullMessage, 10, 20, "/app", ChargeError).Fingerprint();
        var b = StackText.Details(upgraded, 10, 20, "/app", ChargeError).Fingerprint();

        // Assert
        Assert.Equal(a.Value, b.Value);
    }

    [Fact]
    public void Compute_OnlyGemFrames_GroupsByThemAcrossGemVersions()
    {
        // Arrange: a failure entirely inside a gem (a job runner's own thread) still groups by where it happened.
        const string Text = """
            /usr/local/bundle/gems/pg-{0}/lib/pg/connection.rb:{1}:in 'PG::Connection#async_exec': server closed the connection unexpectedly (PG::ConnectionBad)
            	from /usr/local/bundle/gems/activerecord-7.1.3/lib/active_record/connection_adapters/postgresql/database_statements.rb:{1}:in 'block in ActiveRecord::ConnectionAdapters::PostgreSQL::DatabaseStatements#raw_execute'
            	from /usr/local/bundle/gems/good_job-4.{0}.0/lib/good_job/notifier.rb:{1}:in 'GoodJob::Notifier#listen'
            """;

        // Act
        var a = StackText.Details(Text, 1, 123, "/app").Fingerprint();
        var b = StackText.Details(Text, 5, 131, "/app").Fingerprint();

        // Assert
        Assert.Equal(a.Value, b.Value);
        Assert.Equal(
            [
                "type:PG::ConnectionBad",
                "frame:pg/pg/connection.async_exec",
                "frame:activerecord/active_record/connection_adapters/postgresql/database_statements.raw_execute",
                "frame:good_job/good_job/notifier.listen",
            ],
            a.Components);
        Assert.Equal("pg/pg/connection.async_exec", a.Culprit);
    }

    [Fact]
    public void Compute_FrameOfStandardLibrary_NotInApp()
    {
        // Arrange
        const string Text = """
            /usr/local/lib/ruby/3.3.0/net/http.rb:1603:in `initialize': execution expired (Net::OpenTimeout)
            	from /usr/local/lib/ruby/3.3.0/net/http.rb:1603:in `connect'
            	from /srv/app/lib/tasks/sync.rb:12:in `block (3 levels) in <top (required)>'
            	from /srv/app/bin/sync_orders:4:in `<main>'
            """;

        // Act
        var fingerprint = new ExceptionDetails { StackTrace = Text }.Fingerprint();

        // Assert
        Assert.Equal(["type:Net::OpenTimeout", "frame:sync.<top (required)>", "frame:sync_orders.<main>"], fingerprint.Components);
        Assert.Equal("sync.<top (required)>", fingerprint.Culprit);
    }
}
