using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// The demo shop's own instruments, on the platform APIs an application would use: the SDK is
/// told only their names, exactly as a user's code would be instrumented.
/// </summary>
internal sealed class DemoShopTelemetry : IDisposable
{
    /// <summary>The name of the demo's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "Vigil.Demo.Shop";

    private int _stock = 500;
    private long _payments;
    private long _declines;

    /// <summary>Creates the instruments.</summary>
    public DemoShopTelemetry()
    {
        Source = new ActivitySource(Name);
        Meter = new Meter(Name);
        RequestDuration = Meter.CreateHistogram<double>("http.server.request.duration", unit: "s", description: "Duration of HTTP server requests");
        Orders = Meter.CreateCounter<long>("shop.orders", unit: "{order}", description: "Orders placed, by outcome");
        OrderValue = Meter.CreateHistogram<double>("shop.order.value", unit: "EUR", description: "Value of each paid order");
        ActiveRequests = Meter.CreateUpDownCounter<long>("http.server.active_requests", unit: "{request}", description: "Requests in progress");
        Meter.CreateObservableGauge("shop.inventory.level", () => Volatile.Read(ref _stock), unit: "{item}", description: "Items left in stock");
    }

    /// <summary>Where the shop's spans start.</summary>
    public ActivitySource Source { get; }

    /// <summary>Where the shop's metrics are created.</summary>
    public Meter Meter { get; }

    /// <summary>A histogram named as the OpenTelemetry HTTP conventions name it.</summary>
    public Histogram<double> RequestDuration { get; }

    /// <summary>A monotonic counter.</summary>
    public Counter<long> Orders { get; }

    /// <summary>A histogram in a business unit.</summary>
    public Histogram<double> OrderValue { get; }

    /// <summary>A non-monotonic sum.</summary>
    public UpDownCounter<long> ActiveRequests { get; }

    /// <summary>Takes <paramref name="items"/> from stock, restocking when it runs low so the gauge moves both ways.</summary>
    public int TakeFromStock(int items)
    {
        var left = Interlocked.Add(ref _stock, -items);
        if (left < 50)
        {
            Interlocked.Add(ref _stock, 450);
        }

        return left;
    }

    /// <summary>Items in stock now.</summary>
    public int StockLevel => Volatile.Read(ref _stock);

    /// <summary>Counts one payment attempt, for the payment gateway's health check.</summary>
    public void RecordPayment(bool declined)
    {
        Interlocked.Increment(ref _payments);
        if (declined)
        {
            Interlocked.Increment(ref _declines);
        }
    }

    /// <summary>The payment attempts, and how many were declined, since the last call.</summary>
    public (long Declined, long Total) TakePayments()
    {
        var declined = Interlocked.Exchange(ref _declines, 0);
        return (declined, Interlocked.Exchange(ref _payments, 0));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}
