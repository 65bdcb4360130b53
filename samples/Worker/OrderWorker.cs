using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Vigil.Samples.Worker;

/// <summary>
/// Processes an order every half second until stopped, or until <c>Worker:Orders</c> orders are done
/// (<c>dotnet run --project samples/Worker -- --Worker:Orders=20</c>).
/// </summary>
internal sealed partial class OrderWorker : BackgroundService
{
    private readonly ILogger<OrderWorker> _logger;
    private readonly OperationTracker _operations;
    private readonly ShopTelemetry _telemetry;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly int _orderLimit;

    public OrderWorker(ILogger<OrderWorker> logger, OperationTracker operations, ShopTelemetry telemetry, IHostApplicationLifetime lifetime, IConfiguration configuration)
    {
        _logger = logger;
        _operations = operations;
        _telemetry = telemetry;
        _lifetime = lifetime;
        _orderLimit = configuration.GetValue("Worker:Orders", 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(_logger, _orderLimit == 0 ? "until Ctrl-C" : $"for {_orderLimit} orders");
        for (var orderId = 1; !stoppingToken.IsCancellationRequested; orderId++)
        {
            try
            {
                await _operations.TrackAsync("process_order", ct => ProcessOrderAsync(orderId, ct), stoppingToken);
            }
            catch (PaymentDeclinedException)
            {
                // Already recorded by the tracked operation: an Error log with the exception and a failed span.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (orderId == _orderLimit)
            {
                _lifetime.StopApplication();
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ProcessOrderAsync(int orderId, CancellationToken cancellationToken)
    {
        _telemetry.OrdersInFlight.Add(1);
        try
        {
            using var scope = _logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = orderId });
            var items = Random.Shared.Next(1, 6);
            var value = Math.Round(Random.Shared.NextDouble() * 200, 2);
            LogReceived(_logger, orderId, items, value);

            using (var reserve = ShopTelemetry.Source.StartActivity("reserve_stock"))
            {
                reserve?.SetTag("shop.items", items);
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
                _telemetry.TakeFromStock(items);
            }

            using (var charge = ShopTelemetry.Source.StartActivity("charge_payment", ActivityKind.Client))
            {
                charge?.SetTag("payment.provider", "sandbox");
                await Task.Delay(Random.Shared.Next(20, 120), cancellationToken);
                if (orderId % 7 == 0)
                {
                    _telemetry.OrdersProcessed.Add(1, new KeyValuePair<string, object?>("outcome", "declined"));
                    throw new PaymentDeclinedException($"Card declined for order {orderId}");
                }
            }

            if (value > 150)
            {
                LogLargeOrder(_logger, orderId, value);
            }

            _telemetry.OrderValue.Record(value, new KeyValuePair<string, object?>("currency", "EUR"));
            _telemetry.OrdersProcessed.Add(1, new KeyValuePair<string, object?>("outcome", "paid"));
            LogShipped(_logger, orderId);
        }
        finally
        {
            _telemetry.OrdersInFlight.Add(-1);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order worker starting, running {Duration}")]
    private static partial void LogStarting(ILogger logger, string duration);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} received: {Items} items worth {Value} EUR")]
    private static partial void LogReceived(ILogger logger, int orderId, int items, double value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} is unusually large: {Value} EUR")]
    private static partial void LogLargeOrder(ILogger logger, int orderId, double value);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} shipped")]
    private static partial void LogShipped(ILogger logger, int orderId);
}
