namespace Vigil.Cli.Commands.Alerts;

/// <summary>Who is typing: the default author of acknowledgements and silences, as the OS names the user.</summary>
internal static class UserName
{
    /// <summary><c>$USER</c> (or <c>%USERNAME%</c>) from the command's environment, else the process's user name.</summary>
    public static string Of(CliContext context) =>
        context.GetEnvironmentVariable("USER") ?? context.GetEnvironmentVariable("USERNAME") ?? Environment.UserName;
}
