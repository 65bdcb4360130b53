using Vigil.Cli.Options;

namespace Vigil.Cli.Commands.Push;

/// <summary>The server a push goes to: <c>--server</c>, else <c>VIGIL_SERVER</c>; one or the other is required.</summary>
internal static class PushTarget
{
    public static Uri Resolve(string? flag, CliContext context)
    {
        var text = flag ?? context.GetEnvironmentVariable(StoreOption.ServerEnvironmentVariable)
            ?? throw new CliUsageException($"--server: required (the team server's query API, e.g. http://vigil.internal:4320), or set ${StoreOption.ServerEnvironmentVariable}");
        var source = flag is null ? StoreOption.ServerEnvironmentVariable : "--server";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new CliUsageException($"{source}: '{Shorten(text)}' is not an http:// or https:// URL (e.g. http://127.0.0.1:4320)");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new CliUsageException($"{source}: '{Shorten(text)}' must be a plain server address, without user, query or fragment (the API key goes in --api-key or ${StoreOption.ApiKeyEnvironmentVariable})");
        }

        // A base without a trailing slash would drop its last segment when "api/push" is appended.
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    // A hostile value (megabytes of text) is not echoed whole.
    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
