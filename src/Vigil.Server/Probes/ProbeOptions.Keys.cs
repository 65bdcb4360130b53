using Vigil.Storage.Configuration;

namespace Vigil.Server.Probes;

/// <summary>The keys each kind takes: a key of another kind is a mistake, so a typo never silently turns a check off.</summary>
internal sealed partial class ProbeOptions
{
    private static readonly string[] s_commonKeys = [nameof(Name), nameof(Kind), nameof(Interval), nameof(Timeout), nameof(FailureThreshold), nameof(SuccessThreshold)];

    private static readonly Dictionary<ProbeKind, string[]> s_kindKeys = new()
    {
        [ProbeKind.Http] = [nameof(Url), nameof(Method), nameof(ExpectedStatus), nameof(BodyContains), nameof(BodyMatches), nameof(MaxLatency), nameof(MinCertificateDays), nameof(Headers), nameof(AllowUntrustedCertificate)],
        [ProbeKind.Tcp] = [nameof(Host), nameof(Port)],
        [ProbeKind.Command] = [nameof(File), nameof(Arguments)],
    };

    /// <summary>The problems only the configuration has: no kind, or keys of another kind.</summary>
    /// <param name="path">The probe's key path (<c>Probes:1</c>).</param>
    public IEnumerable<ConfigurationProblem> Validate(string path)
    {
        if (Kind is not { } kind)
        {
            yield return new($"{path}:{nameof(Kind)}", $"is required: {ProbeKindNames.Allowed}");
            yield break;
        }

        // Port 0 is what a probe from code without a port has; in configuration a missing port and port 0 are told apart.
        if (kind == ProbeKind.Tcp && Port is null)
        {
            yield return new($"{path}:{nameof(Port)}", "is required: a port from 1 to 65535");
        }

        string[] allowed = [.. s_commonKeys, .. s_kindKeys[kind]];
        foreach (var key in GivenKindKeys().Where(k => !allowed.Contains(k)))
        {
            yield return new($"{path}:{key}", $"is not a key of a {ProbeKindNames.Text(kind)} probe (allowed: {string.Join(", ", allowed)})");
        }
    }

    private IEnumerable<string> GivenKindKeys()
    {
        (string Key, bool Given)[] keys =
        [
            (nameof(Url), Url is not null), (nameof(Method), Method is not null), (nameof(ExpectedStatus), ExpectedStatus.Count > 0),
            (nameof(BodyContains), BodyContains is not null), (nameof(BodyMatches), BodyMatches is not null), (nameof(MaxLatency), MaxLatency is not null),
            (nameof(MinCertificateDays), MinCertificateDays is not null), (nameof(Headers), Headers.Count > 0),
            (nameof(AllowUntrustedCertificate), AllowUntrustedCertificate is not null), (nameof(Host), Host is not null), (nameof(Port), Port is not null),
            (nameof(File), File is not null), (nameof(Arguments), Arguments.Count > 0),
        ];
        return keys.Where(k => k.Given).Select(k => k.Key);
    }
}
