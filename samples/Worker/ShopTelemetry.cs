using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Vigil.Samples.Worker;

/// <summary>The sample's own instruments, on the platform's APIs: Vigil needs only their names.</summary>
internal sealed class ShopTelemetry
{
    public const string Name = "Vigil.Samples.Shop";

    public ShopTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        OrdersProcessed = meter.CreateCounter<long>("shop.orders.processed", "{order}", "Orders processed, by outcome.");
        OrdersInFlight = meter.CreateUpDownCounter<int>("shop.orders.in_flight", "{order}", "Orders being processed now.");
        OrderValue = meter.CreateHistogram<double>("shop.order.value", "EUR", "Value of each order.");
        meter.CreateObservableGauge("shop.stock.level", () => Interlocked.CompareExchange(ref _stockLevel, 0, 0), "{item}", "Items left in stock.");
    }

    public static ActivitySource Source { get; } = new(Name);

    public Counter<long> OrdersProcessed { get; }

    public UpDownCounter<int> OrdersInFlight { get; }

    public Histogram<double> OrderValue { get; }

    private int _stockLevel = 1_000;

    public void TakeFromStock(int items)
    {
        if (Interlocked.Add(ref _stockLevel, -items) < 100)
        {
            Interlocked.Exchange(ref _stockLevel, 1_000);
        }
    }
}
