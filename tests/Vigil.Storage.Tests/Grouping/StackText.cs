using System.Globalization;
using Vigil.Grouping;

namespace Vigil.Storage.Tests.Grouping;

/// <summary>Fills a stack text template: <c>{0}</c> the throw site's line, <c>{1}</c> the other lines, <c>{2}</c> the deploy root.</summary>
internal static class StackText
{
    public static ExceptionDetails Details(string format, int line, int otherLine, string root, string? type = null) =>
        new()
        {
            Type = type,
            StackTrace = format
                .Replace("{0}", line.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{1}", otherLine.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{2}", root, StringComparison.Ordinal),
        };
}
