using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// One checkout request of a small web shop: an HTTP server span around a tracked operation,
/// with cart, inventory and database spans inside and a payment client span last. Which request
/// fails, stalls or runs out of stock follows from its number, so every run shows each case early.
/// </summary>
internal sealed class DemoShop
{
    private const string Route = "/api/checkout";
    private readonly DemoShopTelemetry _telemetry;
    private readonly ILogger _logger;
    private readonly OperationTracker _operations;

    /// <summary>Creates the shop over the demo's instruments and the SDK's logger and operation tracker.</summary>
    public DemoShop(DemoShopTelemetry telemetry, ILogger logger, OperationTracker operations)
    {
        _telemetry = telemetry;
        _logger = logger;
        _operations = operations;
    }

    /// <summary>Handles request number <paramref name="number"/> (1, 2, ...); never throws for a failed checkout.</summary>
    public async Task HandleAsync(int number, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var status = 200;
        _telemetry.ActiveRequests.Add(1);
        using var request = _telemetry.Source.StartActivity("POST " + Route, ActivityKind.Server);
        request?.SetTag("http.request.method", "POST");
        request?.SetTag("http.route", Route);
        request?.SetTag("url.path", Route);
        try
        {
            await _operations.TrackAsync("checkout", ct => CheckoutAsync(number, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (DemoPaymentDeclinedException e)
        {
            // The tracker has already logged it at Error with the exception and failed its span.
            status = 402;
            request?.SetStatus(ActivityStatusCode.Error, e.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The demo is stopping; a request cut short is not an error.
            status = 499;
        }
        finally
        {
            request?.SetTag("http.response.status_code", status);
            _telemetry.ActiveRequests.Add(-1);
            _telemetry.RequestDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("http.route", Route),
                new KeyValuePair<string, object?>("http.response.status_code", status));
        }
    }

    private async Task CheckoutAsync(int number, CancellationToken cancellationToken)
    {
        var orderId = string.Create(CultureInfo.InvariantCulture, $"o-{number:D5}");
        var items = 1 + (number % 4);
        var value = Math.Round(9.99 * items + number % 13, 2);

        using (var cart = _telemetry.Source.StartActivity("cart.load"))
        {
            cart?.SetTag("shop.cart.items", items);
            DemoShopLog.CartRead(_logger, "c-" + orderId[2..], items);
            await QueryAsync("SELECT cart_items", "SELECT * FROM cart_items WHERE cart_id = ?", items, number % 7 == 3, cancellationToken).ConfigureAwait(false);
        }

        using (var inventory = _telemetry.Source.StartActivity("inventory.reserve"))
        {
            inventory?.SetTag("shop.items", items);
            await QueryAsync("UPDATE inventory", "UPDATE inventory SET reserved = reserved + ? WHERE sku = ?", 1, slow: false, cancellationToken).ConfigureAwait(false);
            var left = _telemetry.TakeFromStock(items);
            inventory?.SetTag("shop.stock.left", left);
            if (number % 11 == 2)
            {
                DemoShopLog.OutOfStock(_logger, number % 3, 3);
            }
        }

        using (var payment = _telemetry.Source.StartActivity("payment.charge", ActivityKind.Client))
        {
            payment?.SetTag("server.address", "payments.example");
            payment?.SetTag("shop.order.id", orderId);
            await Task.Delay(TimeSpan.FromMilliseconds(15 + number % 30), cancellationToken).ConfigureAwait(false);
            if (number % 5 == 4)
            {
                var declined = new DemoPaymentDeclinedException($"The card for order {orderId} was declined (insufficient funds).");
                // The client span says that it failed and why (error.type, as the HTTP conventions do); the exception
                // itself is reported once, by the tracked checkout operation that it fails.
                payment?.SetStatus(ActivityStatusCode.Error, declined.Message);
                payment?.SetTag("error.type", declined.GetType().FullName);
                _telemetry.Orders.Add(1, new KeyValuePair<string, object?>("outcome", "declined"));
                _telemetry.RecordPayment(declined: true);
                throw declined;
            }

            _telemetry.RecordPayment(declined: false);
        }

        _telemetry.Orders.Add(1, new KeyValuePair<string, object?>("outcome", "paid"));
        _telemetry.OrderValue.Record(value, new KeyValuePair<string, object?>("currency", "EUR"));
        DemoShopLog.OrderPlaced(_logger, orderId, items, value);
    }

    // Span names follow the OpenTelemetry database conventions: operation and table, never the full statement.
    private async Task QueryAsync(string spanName, string statement, int rows, bool slow, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var query = _telemetry.Source.StartActivity(spanName, ActivityKind.Client);
        query?.SetTag("db.system.name", "sqlite");
        query?.SetTag("db.query.text", statement);
        await Task.Delay(TimeSpan.FromMilliseconds(slow ? 450 : 5), cancellationToken).ConfigureAwait(false);
        var elapsedMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
        DemoShopLog.QueryDone(_logger, statement, rows, elapsedMs);
        if (slow)
        {
            DemoShopLog.SlowDependency(_logger, "shop-db", elapsedMs);
        }
    }
}
