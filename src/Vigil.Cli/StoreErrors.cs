using Vigil.Cli.Invocation;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>Recognises the storage engine's "cannot open the store" failures (exit code 2).</summary>
internal static class StoreErrors
{
    /// <summary>
    /// When <paramref name="exception"/> means the store cannot be used, a message naming the path: one line,
    /// and for a missing store the ways to name one and the stores found below the current directory, each as a
    /// command spelled the way this CLI was started (<see cref="CliContext.Runnable"/>), so that it runs as printed.
    /// </summary>
    public static bool TryDescribe(Exception exception, CliContext context, out string message)
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

        if (store is StoreNotFoundException)
        {
            text += " Point --store or VIGIL_STORE at a store file, or read a running `vigil serve` with --server URL.";
            text += FoundStores(context);
        }

        message = text;
        return true;
    }

    private static string FoundStores(CliContext context)
    {
        var stores = LocalStoreFinder.Find(context.CurrentDirectory);
        if (stores.Count == 0)
        {
            return string.Empty;
        }

        var lines = stores.Select(store => $"{Environment.NewLine}  {context.Runnable("vigil logs --store " + ShellWord.Quote(store))}");
        return $"{Environment.NewLine}Stores below this folder (an app started with `dotnet run --project` writes in its project folder):{string.Concat(lines)}";
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
