namespace Vigil.Grouping;

/// <summary>
/// Normalizes a PHP function name to <c>App.Order.charge</c>: namespaces dotted as opentelemetry-php's Java-like text
/// writes them, and closures reduced to <c>{closure}</c> under their class (or namespace).
/// </summary>
internal static class PhpFrameName
{
    private const string Closure = "{closure}";

    // Frameworks' and Composer packages' namespaces, and PHP's own database classes: library code even where no path
    // says vendor/ (the Java-like text has file names only, and getTraceAsString() has no file for the throwing function).
    // Kept here, not in FingerprintOptions' shared defaults, so no other language's names can match them.
    private static readonly string[] s_vendorNamespaces =
    [
        "Illuminate.", "Laravel.", "Symfony.", "Doctrine.", "GuzzleHttp.", "Monolog.", "Psr.", "Composer.",
        "Laminas.", "Slim.", "Twig.", "PHPUnit.", "OpenTelemetry.", "PDO.", "PDOStatement.",
    ];

    /// <summary>Whether a normalized name is in a framework's or package's namespace.</summary>
    public static bool IsVendor(string name)
    {
        foreach (var prefix in s_vendorNamespaces)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>getTraceAsString()</c> call: <c>App\Order</c> + <c>charge</c>, or no class + <c>App\format_price</c>.</summary>
    public static string FromTrace(string? owner, string function)
    {
        var closure = function.IndexOf("{closure", StringComparison.Ordinal);
        if (closure >= 0)
        {
            // Before PHP 8.4 "App\Order->App\{closure}" (the namespace it was declared in); since 8.4
            // "App\Order->{closure:App\Order::charge():42}" (where, with a line). Neither survives an upgrade or an edit.
            return owner is not null ? Dotted(owner) + "." + Closure : Dotted(function[..closure]) + Closure;
        }

        return owner is not null ? Dotted(owner) + "." + Dotted(function) : Dotted(function);
    }

    /// <summary>
    /// A Java-like name, already dotted: <c>App.Order.charge</c>, <c>App.Order.App.{closure}</c> (class, then the
    /// closure's namespace), <c>App.Order.{closure:App.Order::charge():42}</c>.
    /// </summary>
    public static string FromJavaStyle(string name)
    {
        var closure = name.IndexOf("{closure", StringComparison.Ordinal);
        if (closure < 0)
        {
            return name;
        }

        var prefix = name.AsSpan(0, closure).TrimEnd('.');
        return prefix.IsEmpty ? Closure : string.Concat(WithoutClosureNamespace(prefix), ".", Closure);
    }

    /// <summary>
    /// <c>App.Http.OrderController.App.Http</c> → <c>App.Http.OrderController</c>: the class followed by its own
    /// namespace again, as <c>getTraceAsString()</c> would have split it with <c>-&gt;</c>.
    /// </summary>
    private static ReadOnlySpan<char> WithoutClosureNamespace(ReadOnlySpan<char> prefix)
    {
        var segments = prefix.Count('.') + 1;
        if (segments < 3 || segments % 2 == 0)
        {
            return prefix;
        }

        // The class has (segments + 1) / 2 parts; its namespace, the parts before its last, repeats after it.
        var namespaceParts = (segments - 1) / 2;
        var classEnd = NthDot(prefix, namespaceParts + 1);
        var namespaceEnd = NthDot(prefix, namespaceParts);
        return prefix[..namespaceEnd].SequenceEqual(prefix[(classEnd + 1)..]) ? prefix[..classEnd] : prefix;
    }

    private static int NthDot(ReadOnlySpan<char> text, int n)
    {
        var index = -1;
        for (var i = 0; i < n; i++)
        {
            index += text[(index + 1)..].IndexOf('.') + 1;
        }

        return index;
    }

    private static string Dotted(string name) => name.Replace('\\', '.');
}
