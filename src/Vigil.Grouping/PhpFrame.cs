namespace Vigil.Grouping;

/// <summary>
/// One PHP frame, from <c>getTraceAsString()</c> (<c>#0 /var/www/src/Order.php(42): App\Order-&gt;charge(Object(App\Card))</c>)
/// or from opentelemetry-php's Java-like text (<c>at App.Order.charge(Order.php:42)</c>), reduced to
/// <c>Namespace.Class.method</c> (or <c>Namespace.function</c>): both formats name a frame alike.
/// </summary>
internal static class PhpFrame
{
    private const string InternalFunction = "[internal function]";

    // The script's top level ends every trace: it tells nothing about which code failed, so it shapes no group of its own.
    private const string Main = "{main}";

    /// <summary>Whether code in <paramref name="file"/> is a library: Composer's <c>vendor/</c>, or PHP's own functions.</summary>
    public static bool IsLibrary(string file) =>
        file == InternalFunction || file.Contains("/vendor/", StringComparison.Ordinal) || file.Contains("\\vendor\\", StringComparison.Ordinal);

    /// <summary>
    /// Reads a <c>getTraceAsString()</c> line. Its file is where the function was <em>called</em>; the function's own
    /// file is the one on the line before (where it made its call), so <paramref name="calleeFile"/> decides whether it is a library.
    /// </summary>
    public static bool TryReadTraceLine(string line, string? calleeFile, out ParsedFrame frame, out string file)
    {
        frame = null!;
        file = "";
        var digits = 1;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (!line.StartsWith('#') || digits == 1 || digits >= line.Length || line[digits] != ' ')
        {
            return false;
        }

        var rest = line[(digits + 1)..];
        string call;
        if (rest == Main)
        {
            call = rest;
        }
        else if (rest.StartsWith(InternalFunction + ": ", StringComparison.Ordinal))
        {
            file = InternalFunction;
            call = rest[(InternalFunction.Length + 2)..];
        }
        else if (!TrySplitCallSite(rest, out file, out call))
        {
            return false;
        }

        var name = TraceName(call);
        var library = call == Main || PhpFrameName.IsVendor(name) || calleeFile is not null && IsLibrary(calleeFile);
        frame = new ParsedFrame(name, library ? false : calleeFile is null ? null : true);
        return true;
    }

    /// <summary>Reads a Java-like <c>at Class.method(File.php:42)</c> line; <c>(Unknown Source)</c> marks a PHP internal function.</summary>
    public static bool TryReadJavaStyleLine(string line, out ParsedFrame frame)
    {
        frame = null!;
        var text = line.TrimStart();
        if (!text.StartsWith("at ", StringComparison.Ordinal) || !text.EndsWith(')'))
        {
            return false;
        }

        var name = NameEnd(text, 3, out _);
        if (name < 0)
        {
            return false;
        }

        var function = PhpFrameName.FromJavaStyle(text[3..name]);
        var location = text[(name + 1)..^1];
        var library = function == Main || location == "Unknown Source" || PhpFrameName.IsVendor(function);
        frame = new ParsedFrame(function, library ? false : null);
        return true;
    }

    private static bool TrySplitCallSite(string rest, out string file, out string call)
    {
        // "/var/www/src/Order.php(42): call"; eval'd code reads "Order.php(12) : eval()'d code(3): call".
        for (var end = rest.IndexOf("): ", StringComparison.Ordinal); end > 0; end = rest.IndexOf("): ", end + 3, StringComparison.Ordinal))
        {
            var open = end;
            while (open > 0 && char.IsAsciiDigit(rest[open - 1]))
            {
                open--;
            }

            if (open < end && open > 1 && rest[open - 1] == '(')
            {
                file = rest[..(open - 1)];
                call = rest[(end + 3)..];
                return true;
            }
        }

        file = "";
        call = "";
        return false;
    }

    private static string TraceName(string call)
    {
        var end = NameEnd(call, 0, out var owner);
        var name = end >= 0 ? call[..end] : call;
        return owner >= 0
            ? PhpFrameName.FromTrace(name[..owner], name[(owner + 2)..])
            : PhpFrameName.FromTrace(null, name);
    }

    /// <summary>
    /// The index of the <c>(</c> that opens the arguments, outside braces: PHP 8.4 names closures
    /// <c>{closure:App\Order::charge():42}</c>. <paramref name="owner"/> is the first <c>-&gt;</c> or <c>::</c> outside them.
    /// </summary>
    private static int NameEnd(string text, int start, out int owner)
    {
        owner = -1;
        var depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '{':
                    depth++;
                    break;
                case '}' when depth > 0:
                    depth--;
                    break;
                case '(' when depth == 0:
                    return i;
                case '-' or ':' when depth == 0 && owner < 0 && i + 1 < text.Length && text[i + 1] == (text[i] == '-' ? '>' : ':'):
                    owner = i;
                    break;
            }
        }

        return -1;
    }
}
