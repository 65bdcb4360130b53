namespace Vigil.Samples.Worker;

/// <summary>What the sample's payment step throws now and then.</summary>
internal sealed class PaymentDeclinedException : Exception
{
    public PaymentDeclinedException(string message)
        : base(message)
    {
    }
}
