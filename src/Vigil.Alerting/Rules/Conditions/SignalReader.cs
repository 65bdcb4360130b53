using Vigil.Storage;

namespace Vigil.Alerting.Rules.Conditions;

/// <summary>The store's counting role, which every engine's store implements beside <see cref="ITelemetryReader"/>.</summary>
internal static class SignalReader
{
    public static IAlertSignalReader Of(RuleContext context) =>
        context.Reader as IAlertSignalReader
        ?? throw new InvalidOperationException($"The store ({context.Reader.GetType().Name}) cannot count log records or tell when data was last seen ({nameof(IAlertSignalReader)}); log and absence rules need a store that can.");
}
