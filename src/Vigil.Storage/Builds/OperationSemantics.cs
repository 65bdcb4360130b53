namespace Vigil.Storage.Builds;

/// <summary>
/// The names the SDK's tracked operations (<c>OperationTracker</c>) record their spans under; budgets read them back
/// by these names, below the SDK, so the budget domain need not reference it.
/// </summary>
internal static class OperationSemantics
{
    /// <summary>The ActivitySource (and Meter) of tracked operations.</summary>
    public const string InstrumentationName = "Vigil";

    /// <summary>The span attribute every tracked operation sets: <c>success</c>, <c>failure</c>, ...</summary>
    public const string Outcome = "vigil.operation.outcome";
}
