using System.Security.Cryptography;
using System.Text;
using Vigil.Model;

namespace Vigil.Grouping;

/// <summary>
/// Groups exception events: the same bug gives the same fingerprint across line shifts, deployments, ids in
/// messages and runtime versions. Engine-independent, so the SDK's local store, the server and every storage
/// engine group alike. The algorithm is described in <c>docs/errors.md</c>.
/// </summary>
public static class ExceptionFingerprinter
{
    /// <summary>
    /// The version of the algorithm, stored with every group: raise it whenever a change alters fingerprints,
    /// so old and new groups are told apart instead of silently splitting.
    /// </summary>
    public const int Version = 1;

    /// <summary>Computes the fingerprint of one exception event.</summary>
    /// <param name="exception">The event's type, message, stack trace text and attributes.</param>
    /// <param name="options">In-app prefixes, explicit fingerprint attributes and rules; <see cref="FingerprintOptions.Default"/> when null.</param>
    /// <returns>The fingerprint, the components it hashed and the culprit frame.</returns>
    public static ExceptionFingerprint Compute(ExceptionDetails exception, FingerprintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        options ??= FingerprintOptions.Default;

        var chain = StackTraceParser.Parse(exception.StackTrace);
        if (chain.Count == 0)
        {
            chain.Add(new ParsedException());
        }

        if (!string.IsNullOrWhiteSpace(exception.Type) && !IsSameType(chain[0].Type, exception.Type.Trim()))
        {
            // The attribute names the event's exception, which is the outermost one of the text.
            chain[0].Type = exception.Type.Trim();
        }

        var culprit = Culprit(chain, options);
        var explicitValue = ExplicitFingerprint(exception, options);
        if (explicitValue is not null)
        {
            return Create(FingerprintMethod.Explicit, ["explicit:" + explicitValue], culprit);
        }

        var (method, components) = DefaultComponents(chain, exception.Message, options);
        var rule = MatchingRule(chain, Hash(components), options);
        if (rule is null)
        {
            return Create(method, components, culprit);
        }

        if (rule.MergeInto is not null)
        {
            components = ["rule:" + rule.MergeInto];
        }

        foreach (var name in rule.SplitByAttributes)
        {
            components.Add("attribute:" + name + "=" + exception.Attributes.GetValueOrDefault(name, ""));
        }

        return Create(FingerprintMethod.Rule, components, culprit);
    }

    private static (FingerprintMethod Method, List<string> Components) DefaultComponents(
        List<ParsedException> chain, string? message, FingerprintOptions options)
    {
        var anyInApp = chain.Exists(e => e.Frames.Exists(f => InAppClassifier.IsInApp(f, options)));
        var components = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var frames = 0;
        foreach (var parsed in chain)
        {
            var own = new List<string> { "type:" + parsed.Type };
            foreach (var frame in parsed.Frames)
            {
                // Repeated frames (recursion) collapse: the depth varies, the bug does not.
                var part = "frame:" + frame.Name;
                if ((!anyInApp || InAppClassifier.IsInApp(frame, options)) && part != own[^1])
                {
                    own.Add(part);
                }
            }

            // An inner exception seen before (AggregateException of N identical failures) adds nothing: N varies.
            if (components.Count == 0 || seen.Add(string.Join('\n', own)))
            {
                components.AddRange(own);
                frames += own.Count - 1;
            }
        }

        if (frames > 0)
        {
            return (FingerprintMethod.StackTrace, components);
        }

        var text = string.IsNullOrWhiteSpace(message) ? chain[0].Message : message;
        components.Add("message:" + MessageNormalizer.Normalize(text));
        return (FingerprintMethod.Message, components);
    }

    /// <summary>
    /// OpenTelemetry .NET writes the short name (<c>GetType().Name</c>) on log records and the full name on span
    /// events; the text always has the full name, so a short attribute that the text's type ends with keeps the text's.
    /// </summary>
    private static bool IsSameType(string textType, string attributeType) =>
        textType.Length > attributeType.Length
            ? textType.EndsWith(attributeType, StringComparison.Ordinal) && textType[^(attributeType.Length + 1)] is '.' or '+'
            : textType == attributeType;

    private static string? Culprit(List<ParsedException> chain, FingerprintOptions options)
    {
        // The root cause is the innermost exception with frames: its top in-app frame is where the bug surfaced.
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var frame = chain[i].Frames.Find(f => InAppClassifier.IsInApp(f, options));
            if (frame is not null)
            {
                return frame.Name;
            }
        }

        return chain.Find(e => e.Frames.Count > 0)?.Frames[0].Name;
    }

    private static string? ExplicitFingerprint(ExceptionDetails exception, FingerprintOptions options)
    {
        foreach (var name in options.ExplicitFingerprintAttributes)
        {
            if (exception.Attributes.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }

        return null;
    }

    private static GroupingRule? MatchingRule(List<ParsedException> chain, string defaultValue, FingerprintOptions options)
    {
        foreach (var rule in options.Rules)
        {
            if (rule.Fingerprints.Contains(defaultValue, StringComparer.Ordinal)
                || chain.Exists(e => rule.Types.Contains(e.Type, StringComparer.Ordinal)))
            {
                return rule;
            }
        }

        return null;
    }

    private static ExceptionFingerprint Create(FingerprintMethod method, List<string> components, string? culprit) =>
        new() { Value = Hash(components), Method = method, Components = components, Culprit = culprit };

    private static string Hash(List<string> components) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', components))));
}
