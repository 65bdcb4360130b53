using System.Diagnostics;
using OpenTelemetry;
using Vigil.Redaction;

namespace Vigil.Tracing;

/// <summary>Masks secret span attributes before any exporting processor sees the span.</summary>
internal sealed class SpanRedactionProcessor : BaseProcessor<Activity>
{
    private readonly Redactor _redactor;

    public SpanRedactionProcessor(Redactor redactor)
    {
        _redactor = redactor;
    }

    public override void OnEnd(Activity data)
    {
        // Tags cannot change while they are enumerated; most spans have no secret, so look first
        // and only then collect, keeping the common path free of allocation.
        List<string>? secrets = null;
        foreach (ref readonly var tag in data.EnumerateTagObjects())
        {
            if (tag.Value is not null && _redactor.IsSecret(tag.Key))
            {
                (secrets ??= []).Add(tag.Key);
            }
        }

        if (secrets is null)
        {
            return;
        }

        foreach (var key in secrets)
        {
            data.SetTag(key, _redactor.Replacement);
        }
    }
}
