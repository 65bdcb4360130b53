using Vigil.Configuration;
using Vigil.Internal;

namespace Vigil.LocalStore;

/// <summary>
/// Says once, at start-up, where the local store is: it follows the working directory, and
/// <c>dotnet run --project</c> starts an application in its project folder, so the file is often not
/// where the user then runs <c>vigil</c>. Written straight to the console sink's writer and to the
/// Vigil-Sdk EventSource, never through ILogger (a log about the log pipeline would go into it).
/// </summary>
internal static class LocalStoreAnnouncement
{
    public static void Write(string path, bool consoleEnabled, SinkEnvironment environment)
    {
        VigilSdkEventSource.Log.LocalStoreOpened(path);

        // Only on a terminal: a redirected console carries JSON lines, which a line of prose would break.
        if (!consoleEnabled || !environment.ConsoleIsTerminal)
        {
            return;
        }

        try
        {
            // No command line: the SDK cannot know how the vigil command is installed here, and a command it
            // printed must run as printed. The option is the part that carries over to any spelling of it.
            environment.ConsoleOutput.WriteLine($"vigil: telemetry is stored in {path} (the vigil command reads it with --store {Quote(path)})");
            environment.ConsoleOutput.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The SDK never throws into the application; a console that cannot be written is not its fault.
            VigilSdkEventSource.Log.SinkFailed("console", exception);
        }
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
