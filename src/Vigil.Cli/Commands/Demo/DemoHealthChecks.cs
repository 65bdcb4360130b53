using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// The demo shop's health checks, registered the platform's way, as an application would: the SDK runs them on its
/// period and sends each result to the server, where <c>vigil health</c> shows them.
/// </summary>
internal static class DemoHealthChecks
{
    /// <summary>Below this many items in stock the inventory is degraded (the demo restocks below 50).</summary>
    public const int LowStock = 100;

    /// <summary>Above this share of declined payments since the last check the payment gateway is degraded.</summary>
    public const double DeclinedShareDegraded = 0.5;

    public static void Add(IServiceCollection services, DemoShopTelemetry telemetry) =>
        services.AddHealthChecks()
            .AddCheck("inventory", () => Inventory(telemetry.StockLevel))
            .AddCheck("payment-gateway", () => Payments(telemetry.TakePayments()));

    private static HealthCheckResult Inventory(int stock)
    {
        var data = new Dictionary<string, object> { ["items"] = stock };
        var text = string.Create(CultureInfo.InvariantCulture, $"{stock} items in stock");
        return stock < LowStock ? HealthCheckResult.Degraded("only " + text, data: data) : HealthCheckResult.Healthy(text, data);
    }

    private static HealthCheckResult Payments((long Declined, long Total) payments)
    {
        var data = new Dictionary<string, object> { ["declined"] = payments.Declined, ["attempts"] = payments.Total };
        var text = string.Create(CultureInfo.InvariantCulture, $"{payments.Declined} of {payments.Total} payments declined since the last check");
        return payments.Total > 0 && (double)payments.Declined / payments.Total > DeclinedShareDegraded
            ? HealthCheckResult.Degraded(text, data: data)
            : HealthCheckResult.Healthy(text, data);
    }
}
