using OpenTelemetry;
using OpenTelemetry.Logs;
using Vigil.Errors;
using Vigil.Model;
using Vigil.Redaction;

namespace Vigil.Logging;

/// <summary>
/// Runs first, on the logging thread, before any sink: takes the text of the record's exception while its
/// stack trace is still the one at the logging call (see <see cref="ExceptionText.Capture"/>), adds the exception's
/// identity (<see cref="ExceptionIds"/>), folds the active logging scopes into the record's attributes and masks
/// secret values. A record with no exception, no scope and no secret is left as it is, without allocating.
/// </summary>
internal sealed class LogRecordEnrichmentProcessor : BaseProcessor<LogRecord>
{
    private const string OriginalFormatKey = "{OriginalFormat}";
    private const string ScopeKey = "scope";
    private const string ActivityScopeTypeName = "ActivityLogScope";

    [ThreadStatic]
    private static List<KeyValuePair<string, object?>>? t_scopeItems;

    private readonly ScopeCaptureLoggerProvider _scopes;
    private readonly Redactor? _redactor;

    public LogRecordEnrichmentProcessor(ScopeCaptureLoggerProvider scopes, Redactor? redactor)
    {
        _scopes = scopes;
        _redactor = redactor;
    }

    public override void OnEnd(LogRecord data)
    {
        // The state is the record's attribute list (the logger keeps it, not a copy): an after-the-fact record's time.
        if (data.Attributes is ITimestampedLogState { TimestampUtc: var happened } && happened != DateTime.MinValue)
        {
            data.Timestamp = happened;
        }

        string? exceptionId = null;
        if (data.Exception is { } exception)
        {
            ExceptionText.Capture(exception);
            exceptionId = ExceptionIds.Of(exception);
        }

        var scopeItems = CollectScopes();
        var attributes = data.Attributes;
        var hasSecret = HasSecret(attributes);
        if (scopeItems.Count == 0 && !hasSecret && exceptionId is null)
        {
            return;
        }

        var enriched = new List<KeyValuePair<string, object?>>((attributes?.Count ?? 0) + scopeItems.Count + 1);
        if (attributes is not null)
        {
            foreach (var attribute in attributes)
            {
                enriched.Add(Redact(attribute));
            }
        }

        foreach (var item in scopeItems)
        {
            // A record's own property wins over a scope's property of the same name.
            if (!Contains(enriched, item.Key))
            {
                enriched.Add(Redact(item));
            }
        }

        scopeItems.Clear();
        if (exceptionId is not null)
        {
            enriched.Add(new(ExceptionIdentity.AttributeName, exceptionId));
        }

        data.Attributes = enriched;
        if (hasSecret && FindTemplate(enriched) is { } template)
        {
            // The framework rendered the message before we saw it, secret included.
            data.FormattedMessage = MessageTemplateRenderer.Render(template, enriched);
        }
    }

    private static string? FindTemplate(List<KeyValuePair<string, object?>> attributes)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key == OriginalFormatKey)
            {
                return attribute.Value as string;
            }
        }

        return null;
    }

    private List<KeyValuePair<string, object?>> CollectScopes()
    {
        var items = t_scopeItems ??= [];
        items.Clear();
        _scopes.ScopeProvider?.ForEachScope(static (scope, list) => AddScope(scope, list), items);
        return items;
    }

    private static void AddScope(object? scope, List<KeyValuePair<string, object?>> items)
    {
        // The generic host turns on ActivityTrackingOptions, which adds the current span's ids as a
        // scope; the record carries them already as its trace and span ids.
        if (scope?.GetType().Name == ActivityScopeTypeName)
        {
            return;
        }

        if (scope is IEnumerable<KeyValuePair<string, object?>> properties)
        {
            foreach (var property in properties)
            {
                if (property.Key != OriginalFormatKey)
                {
                    items.Add(property);
                }
            }
        }
        else if (scope is not null)
        {
            // A scope that is only a value (BeginScope("Order 42")) is kept under "scope", "scope.2", ...
            var count = items.Count(i => i.Key == ScopeKey || i.Key.StartsWith(ScopeKey + ".", StringComparison.Ordinal));
            items.Add(new(count == 0 ? ScopeKey : $"{ScopeKey}.{count + 1}", scope.ToString()));
        }
    }

    private bool HasSecret(IReadOnlyList<KeyValuePair<string, object?>>? attributes)
    {
        if (_redactor is null || attributes is null || attributes.Count == 0)
        {
            return false;
        }

        // Microsoft.Extensions.Logging puts the template last; a string, so reading it does not box.
        var last = attributes[^1];
        if (last.Key == OriginalFormatKey && last.Value is string template)
        {
            return _redactor.TemplateMayHoldSecret(template, attributes);
        }

        for (var i = 0; i < attributes.Count; i++)
        {
            // Read once: indexing a LoggerMessage state boxes value-type properties on every access.
            var attribute = attributes[i];
            if (attribute.Key != OriginalFormatKey && attribute.Value is not null && _redactor.IsSecret(attribute.Key))
            {
                return true;
            }
        }

        return false;
    }

    private KeyValuePair<string, object?> Redact(KeyValuePair<string, object?> attribute) =>
        _redactor is not null && attribute.Value is not null && attribute.Key != OriginalFormatKey && _redactor.IsSecret(attribute.Key)
            ? new(attribute.Key, _redactor.Replacement)
            : attribute;

    private static bool Contains(List<KeyValuePair<string, object?>> attributes, string key)
    {
        foreach (var attribute in attributes)
        {
            if (attribute.Key == key)
            {
                return true;
            }
        }

        return false;
    }
}
