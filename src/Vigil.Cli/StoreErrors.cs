using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>Recognises the storage engine's "cannot open the store" failures (exit code 2).</summary>
internal static class StoreErrors
{
    /// <summary>When <paramref name="exception"/> means the store cannot be used, a one-line message naming the path.</summary>
    public static bool TryDescribe(Exception exception, out string message)
    {
        if (exception is not StoreException store)
        {
            message = string.Empty;
            return false;
        }

        var text = FirstLine(store.Message);
        if (store.StorePath is { } path && !text.Contains(path, StringComparison.Ordinal))
        {
            text = $"{path}: {text}";
        }

        if (store is StoreNotFoundException && !text.Contains("--store", StringComparison.Ordinal))
        {
            text += " (run an application with Vigil first, or point --store or VIGIL_STORE at a store file)";
        }

        message = text;
        return true;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
