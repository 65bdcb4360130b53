using System.CommandLine;

namespace Vigil.Cli.Options;

/// <summary><c>--time relative|local</c>: how human output shows when something happened.</summary>
internal static class TimeDisplayOption
{
    /// <summary>"3m ago".</summary>
    public const string Relative = "relative";

    /// <summary>"14:03:07.125" in the local time zone.</summary>
    public const string Local = "local";

    /// <summary>Creates the option.</summary>
    public static Option<string> Create()
    {
        return new Option<string>("--time")
        {
            Description = "Show times as 'relative' (3m ago) or 'local' (14:03:07.125).",
            HelpName = "relative|local",
            DefaultValueFactory = _ => Relative,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
                if (text is Relative or Local)
                {
                    return text;
                }

                result.AddError($"--time: '{text}' is not a time style (use {Relative} or {Local})");
                return Relative;
            },
        };
    }
}
