using System.Net;
using System.Text.Json;
using Vigil.Model;
using Vigil.Server.Tests.Support;

namespace Vigil.Server.Tests.Api;

/// <summary>Exceptions from the Ruby and PHP OpenTelemetry SDKs, over OTLP/JSON, grouped by their stacks in the store's write.</summary>
public sealed class OtlpRubyPhpErrorGroupingTests
{
    // opentelemetry-ruby's span.record_exception: exception.stacktrace is full_message(highlight: false, order: :top).
    private const string RubyStack =
        "{root}/app/services/order_charger.rb:{line}:in 'Shop::OrderCharger#charge': undefined method 'amount' for nil (NoMethodError)\n"
        + "\tfrom {root}/app/controllers/orders_controller.rb:{caller}:in 'OrdersController#create'\n"
        + "\tfrom /usr/local/bundle/gems/actionpack-7.1.3/lib/action_controller/metal/basic_implicit_render.rb:6:in 'ActionController::BasicImplicitRender#send_action'\n";

    // A PHP application that records getTraceAsString().
    private const string PhpStack =
        "#0 {root}/app/Http/Controllers/OrderController.php({line}): App\\\\Services\\\\OrderCharger->charge(Object(App\\\\Models\\\\Order))\n"
        + "#1 {root}/vendor/laravel/framework/src/Illuminate/Routing/Controller.php(54): App\\\\Http\\\\Controllers\\\\OrderController->store(Object(Illuminate\\\\Http\\\\Request))\n"
        + "#2 {root}/public/index.php({caller}): Illuminate\\\\Routing\\\\Controller->callAction('store', Array)\n"
        + "#3 {main}";

    [Fact]
    public async Task PostTraces_RubyExceptionFromTwoDeploymentsAndLines_OneGroup()
    {
        await using var server = await TestServer.StartAsync();
        using var query = new HttpClient { BaseAddress = server.QueryEndpoint, Timeout = TaskTimeouts.Default };
        var client = server.CreateHttpClient();

        using var first = await client.PostAsync("/v1/traces", OtlpHttp.Json(Span("checkout-rb", "ruby", "NoMethodError", Stack(RubyStack, "/app", 42, 17), 1))).DefaultTimeout();
        using var second = await client.PostAsync("/v1/traces", OtlpHttp.Json(Span("checkout-rb", "ruby", "NoMethodError", Stack(RubyStack, "/srv/app/releases/20250301", 47, 19), 2))).DefaultTimeout();
        using var list = JsonDocument.Parse(await query.GetStringAsync(new Uri("/api/errors?service=checkout-rb", UriKind.Relative)).DefaultTimeout());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var group = Assert.Single(list.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(2, group.GetProperty("count").GetInt64());
        Assert.Equal("stackTrace", group.GetProperty("method").GetString());
        Assert.Equal("NoMethodError", group.GetProperty("type").GetString());
        Assert.Equal("order_charger.charge", group.GetProperty("culprit").GetString());
    }

    [Fact]
    public async Task PostTraces_PhpExceptionsFromTwoCallers_TwoGroupsWithOneCulprit()
    {
        await using var server = await TestServer.StartAsync();
        var client = server.CreateHttpClient();
        var refund = PhpStack.Replace("OrderController->store", "RefundController->update", StringComparison.Ordinal);

        using var first = await client.PostAsync("/v1/traces", OtlpHttp.Json(Span("shop-php", "php", "App\\\\ChargeFailed", Stack(PhpStack, "/var/www/html", 30, 51), 1))).DefaultTimeout();
        using var again = await client.PostAsync("/v1/traces", OtlpHttp.Json(Span("shop-php", "php", "App\\\\ChargeFailed", Stack(PhpStack, "/srv/shop", 33, 52), 2))).DefaultTimeout();
        using var other = await client.PostAsync("/v1/traces", OtlpHttp.Json(Span("shop-php", "php", "App\\\\ChargeFailed", Stack(refund, "/var/www/html", 30, 51), 3))).DefaultTimeout();
        var groups = await server.Store.QueryErrorGroupsAsync(new ErrorGroupQuery()).DefaultTimeout();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal([1, 2], groups.Select(g => g.Count).Order());
        Assert.All(groups, g => Assert.Equal("App.Services.OrderCharger.charge", g.Culprit));
        Assert.All(groups, g => Assert.Equal("App\\ChargeFailed", g.Type));
    }

    private static string Stack(string format, string root, int line, int caller) =>
        format.Replace("{root}", root, StringComparison.Ordinal)
            .Replace("{line}", line.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{caller}", caller.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Span(string service, string language, string type, string stack, int id)
    {
        var escaped = stack.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return $$$"""
            {"resourceSpans":[{
              "resource":{"attributes":[
                {"key":"service.name","value":{"stringValue":"{{{service}}}"}},
                {"key":"telemetry.sdk.language","value":{"stringValue":"{{{language}}}"}}]},
              "scopeSpans":[{"scope":{"name":"{{{language}}}-instrumentation"},"spans":[{
                "traceId":"5b8efff798038103d269b633813fc6{{{id:D2}}}","spanId":"eee19b7ec3c1b1{{{id:D2}}}",
                "name":"POST /orders","kind":2,
                "startTimeUnixNano":"1795003200000000000","endTimeUnixNano":"1795003200250000000",
                "status":{"code":2},
                "events":[{"timeUnixNano":"1795003200200000000","name":"exception","attributes":[
                  {"key":"exception.type","value":{"stringValue":"{{{type}}}"}},
                  {"key":"exception.message","value":{"stringValue":"charge failed"}},
                  {"key":"exception.stacktrace","value":{"stringValue":"{{{escaped}}}"}}]}]
              }]}]
            }]}
            """;
    }
}
