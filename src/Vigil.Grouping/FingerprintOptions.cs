namespace Vigil.Grouping;

/// <summary>How <see cref="ExceptionFingerprinter"/> decides which frames belong to the application, and the rules.</summary>
public sealed class FingerprintOptions
{
    /// <summary>The shared defaults.</summary>
    public static FingerprintOptions Default { get; } = new();

    /// <summary>
    /// Frame prefixes that are platform or library code, not the application. Matched ordinally against
    /// <c>Namespace.Type.Function</c> (.NET, Java, Go) or the module path (Python, JavaScript).
    /// </summary>
    public IReadOnlyList<string> InAppExcludePrefixes { get; init; } =
    [
        "System.", "Microsoft.", "Grpc.", "Npgsql.", "Newtonsoft.", "OpenTelemetry.", "Polly.", "Dapper.",
        "Serilog.", "Xunit.", "NUnit.", "Castle.", "Internal.", "Interop.", "Vigil.Sdk.", "Vigil.OperationTracker.",
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "kotlinx.", "scala.",
        "org.springframework.", "org.apache.", "io.netty.", "reactor.",
        "runtime.", "runtime/", "net/", "net.", "go.opentelemetry.io/", "google.golang.org/",
    ];

    /// <summary>Prefixes that are application code even when an exclude prefix matches (checked first).</summary>
    public IReadOnlyList<string> InAppIncludePrefixes { get; init; } = [];

    /// <summary>Attributes whose value, when present and not blank, is the fingerprint; the first found wins.</summary>
    public IReadOnlyList<string> ExplicitFingerprintAttributes { get; init; } = ["vigil.fingerprint", "error.fingerprint"];

    /// <summary>Merge and split rules, applied in order after the default fingerprint is computed.</summary>
    public IReadOnlyList<GroupingRule> Rules { get; init; } = [];
}
