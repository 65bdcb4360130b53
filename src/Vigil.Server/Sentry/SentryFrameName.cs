using System.Text.Json;

namespace Vigil.Server.Sentry;

/// <summary>
/// A Sentry frame's <c>Namespace.Type.Method</c>, as a .NET stack line names it: the module (the declaring type in the
/// .NET SDK, the module path elsewhere) and the function, less any signature the SDK's enhanced mode adds.
/// </summary>
internal static class SentryFrameName
{
    public static string Of(JsonElement frame)
    {
        var function = Bare(SentryJson.Text(frame, "function") ?? "?");
        var module = SentryJson.Text(frame, "module");
        return Join(module, function).Replace('(', '[').Replace(')', ']').ReplaceLineEndings(" ");
    }

    // The module is the full type ("Shop.Api.Checkout"); the function is "Pay", or in the .NET SDK's enhanced mode
    // "Checkout.Pay" (the type's short name first): the namespace comes from the module once, never twice.
    private static string Join(string? module, string function)
    {
        if (module is not { Length: > 0 } || function.StartsWith(module + ".", StringComparison.Ordinal))
        {
            return function;
        }

        var dot = function.LastIndexOf('.');
        if (dot < 0)
        {
            return module + "." + function;
        }

        var type = function[..dot];
        return module == type || module.EndsWith("." + type, StringComparison.Ordinal) || module.EndsWith("+" + type, StringComparison.Ordinal)
            ? module[..^type.Length] + function
            : function;
    }

    // "void Shop.Checkout.Pay(int amount)" → "Shop.Checkout.Pay": the return type and the parameter list go.
    private static string Bare(string function)
    {
        var open = function.IndexOf('(', StringComparison.Ordinal);
        var head = (open > 0 ? function[..open] : function).Trim();
        var depth = 0;
        for (var i = head.Length - 1; i >= 0; i--)
        {
            depth += head[i] switch { '>' => 1, '<' => -1, _ => 0 };
            if (depth == 0 && head[i] == ' ')
            {
                return head[(i + 1)..];
            }
        }

        return head;
    }
}
