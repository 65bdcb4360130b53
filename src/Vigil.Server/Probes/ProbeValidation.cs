using System.Text.RegularExpressions;
using Vigil.Model.Text;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Probes;

/// <summary>
/// Whether probe definitions make sense, from configuration or from code: names present and unique, the keys
/// each kind needs, timeouts under intervals, URLs, regexes and headers usable. Each problem names its key path.
/// </summary>
internal static partial class ProbeValidation
{
    public const int MaxThreshold = 100;
    public const int MaxCertificateDays = 3650;
    private const int MaxNameLength = 200;

    /// <summary>Every problem with <paramref name="probes"/>; checks of the paths <paramref name="skip"/> says were already wrong are left out.</summary>
    public static List<ConfigurationProblem> Validate(IReadOnlyList<ProbeDefinition?> probes, string prefix = "Probes", Func<string, bool>? skip = null)
    {
        var problems = new List<ConfigurationProblem>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < probes.Count; i++)
        {
            if (probes[i] is not { } probe)
            {
                continue;
            }

            var path = $"{prefix}:{i}";
            void Add(string key, string message)
            {
                if (skip is null || !skip($"{path}:{key}"))
                {
                    problems.Add(new ConfigurationProblem($"{path}:{key}", message));
                }
            }

            if (string.IsNullOrWhiteSpace(probe.Name))
            {
                Add("Name", "is required: a name unique among the probes");
            }
            else if (probe.Name.Length > MaxNameLength || probe.Name.Any(char.IsControl))
            {
                Add("Name", $"{ConfigurationText.Show(probe.Name)} is not allowed: at most {MaxNameLength} characters, no control characters");
            }
            else if (!names.TryAdd(probe.Name, i))
            {
                Add("Name", $"'{probe.Name}' is already the name of {prefix}:{names[probe.Name]}; names must be unique");
            }

            ValidateSchedule(probe, Add, intervalIsBad: skip?.Invoke($"{path}:Interval") == true);
            switch (probe.Kind)
            {
                case ProbeKind.Http:
                    ValidateHttp(probe, Add);
                    break;
                case ProbeKind.Tcp:
                    ValidateTcp(probe, Add);
                    break;
                case ProbeKind.Command:
                    if (string.IsNullOrWhiteSpace(probe.File))
                    {
                        Add("File", "is required: the program to run (a path or a name on PATH; no shell)");
                    }

                    break;
                default:
                    Add("Kind", $"{probe.Kind} is not a probe kind: {ProbeKindNames.Allowed}");
                    break;
            }
        }

        return problems;
    }

    private static void ValidateSchedule(ProbeDefinition probe, Action<string, string> add, bool intervalIsBad)
    {
        if (probe.Interval <= TimeSpan.Zero || probe.Interval > TimeSpan.FromDays(1))
        {
            add("Interval", $"{DurationGrammar.Format(probe.Interval)} is not allowed: {DurationText.Allowed}");
        }

        if (probe.Timeout <= TimeSpan.Zero)
        {
            add("Timeout", $"{DurationGrammar.Format(probe.Timeout)} is not allowed: {DurationText.Allowed}");
        }
        else if (probe.Timeout >= probe.Interval && !intervalIsBad)
        {
            add("Timeout", $"{DurationGrammar.Format(probe.Timeout)} is not allowed: it must be shorter than the Interval ({DurationGrammar.Format(probe.Interval)}), so attempts never overlap");
        }

        if (probe.FailureThreshold is < 1 or > MaxThreshold)
        {
            add("FailureThreshold", $"{probe.FailureThreshold} is not allowed: a whole number from 1 to {MaxThreshold}");
        }

        if (probe.SuccessThreshold is < 1 or > MaxThreshold)
        {
            add("SuccessThreshold", $"{probe.SuccessThreshold} is not allowed: a whole number from 1 to {MaxThreshold}");
        }
    }

    private static void ValidateTcp(ProbeDefinition probe, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(probe.Host))
        {
            add("Host", "is required: a host name or IP address");
        }
        else if (probe.Host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || Uri.CheckHostName(probe.Host) == UriHostNameType.Unknown)
        {
            add("Host", $"{ConfigurationText.Show(probe.Host)} is not allowed: a host name or IP address");
        }

        if (probe.Port is < 1 or > 65535)
        {
            add("Port", $"{probe.Port} is not allowed: a port from 1 to 65535");
        }
    }

    [GeneratedRegex("^[A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex MethodPattern();
}
