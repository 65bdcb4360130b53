using Vigil.Model.Text;

namespace Vigil.Alerting.Budgets;

/// <summary>The one wording of an unknown key in a budget or thresholds file: the key it was probably meant as, else the keys there are.</summary>
internal static class UnknownKey
{
    /// <summary>"unknown key (did you mean maxDuration?)", or "unknown key (known: a, b)" when nothing is close.</summary>
    public static string Problem(string key, IReadOnlyCollection<string> known) =>
        EditDistance.Nearest(key, known) is { } near
            ? $"unknown key (did you mean {near}?)"
            : $"unknown key (known: {string.Join(", ", known)})";
}
