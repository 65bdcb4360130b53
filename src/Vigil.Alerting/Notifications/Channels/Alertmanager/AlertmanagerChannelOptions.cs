using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications.Channels.Alertmanager;

/// <summary>
/// A Prometheus Alertmanager that receives Vigil's alerts through its v2 API (<c>POST {Url}/api/v2/alerts</c>), for
/// teams whose routing already lives there.
/// </summary>
[Description("an Alertmanager channel")]
public sealed class AlertmanagerChannelOptions
{
    /// <summary>The longest <see cref="FiringEndsAfter"/> accepted.</summary>
    public static readonly TimeSpan MaxFiringEndsAfter = TimeSpan.FromDays(7);

    /// <summary>Alertmanager's address, such as <c>http://127.0.0.1:9093</c> (with a path prefix if it has one).</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// How long a firing alert stays firing in Alertmanager if Vigil sends nothing more (its <c>endsAt</c>). When
    /// absent, <c>endsAt</c> is left out and Alertmanager's own <c>resolve_timeout</c> (5 minutes by default) applies, so
    /// the route's repeat interval must be shorter than that; set it above the repeat interval otherwise.
    /// </summary>
    public TimeSpan? FiringEndsAfter { get; set; }

    /// <summary>A bearer token Alertmanager (or a proxy before it) expects, if any.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Every problem with these options, each with its key path under <paramref name="path"/>.</summary>
    /// <param name="path">The key path of these options, such as <c>Alerts:Channels:2</c>.</param>
    /// <returns>The problems; empty when the options are usable.</returns>
    public IReadOnlyList<ConfigurationProblem> Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<ConfigurationProblem>();
        ChannelValidation.Url(problems, $"{path}:Url", Url);
        if (Url is { IsAbsoluteUri: true } url && (url.Query.Length > 0 || url.Fragment.Length > 0))
        {
            problems.Add(new($"{path}:Url", "must be Alertmanager's base address, without a query or fragment (/api/v2/alerts is added)"));
        }

        if (FiringEndsAfter is { } after && (after <= TimeSpan.Zero || after > MaxFiringEndsAfter))
        {
            problems.Add(new($"{path}:FiringEndsAfter", "must be more than 0 and at most 7d"));
        }

        ChannelValidation.Text(problems, $"{path}:BearerToken", BearerToken is { Length: > 4096 } ? BearerToken : null, maxLength: 4096);
        if (BearerToken is { } token && token.Any(char.IsControl))
        {
            problems.Add(new($"{path}:BearerToken", "must not contain control characters"));
        }

        return problems;
    }
}
