namespace Vigil.Api.Contracts.V1;

/// <summary>The answer to <c>GET /api/alerts/rules</c>: every rule in force, and the latest reload (which may have failed).</summary>
public sealed record ApiAlertRules
{
    /// <summary>The rules, in declaration order (the defaults first).</summary>
    public IReadOnlyList<ApiAlertRule> Rules { get; init; } = [];

    /// <summary>The latest reload, or the start; null when the server runs no rule engine.</summary>
    public ApiAlertReload? LastReload { get; init; }
}
