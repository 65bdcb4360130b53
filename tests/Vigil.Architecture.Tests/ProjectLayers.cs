namespace Vigil.Architecture.Tests;

/// <summary>
/// The one table of which shipped project may reference which of ours (docs/architecture.md, "Projects and what they
/// may reference"; DESIGN.md, "Layers"). A project may reference only what its row names; references point down,
/// never up or sideways. Rows for projects that do not exist yet cost nothing; a src project without a row fails.
/// </summary>
internal static class ProjectLayers
{
    public static readonly IReadOnlyDictionary<string, string[]> MayReference = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Vigil.Model"] = [],
        ["Vigil.Grouping"] = ["Vigil.Model"],
        ["Vigil.Storage"] = ["Vigil.Model", "Vigil.Grouping"],

        // An engine implements persistence only: it builds on the contracts, never on grouping or on another engine.
        ["Vigil.Storage.Sqlite"] = ["Vigil.Storage"],
        ["Vigil.Storage.PostgreSql"] = ["Vigil.Storage"],

        // The HTTP API's own versioned types: the wire contract is not the storage model.
        ["Vigil.Api.Contracts"] = [],

        // The alert engine evaluates rules against any store's roles and delivers notifications; no engine, no server.
        ["Vigil.Alerting"] = ["Vigil.Storage"],

        // The MCP tools read through the store roles, and SLOs through the alert engine's evaluator, so both hosts
        // (vigil mcp, vigil serve's /mcp) share them.
        ["Vigil.Mcp"] = ["Vigil.Storage", "Vigil.Alerting"],

        ["Vigil"] = ["Vigil.Storage.Sqlite"],
        ["Vigil.AspNetCore"] = ["Vigil"],

        // The MSBuild logger writes through the SDK's recording start-up, as vigil exec does.
        ["Vigil.MSBuild"] = ["Vigil"],
        // An add-on, so that applications that do not report to Sentry do not carry its SDK.
        ["Vigil.Sentry"] = ["Vigil"],
        ["Vigil.Server"] = ["Vigil.Storage.Sqlite", "Vigil.Storage.PostgreSql", "Vigil.Api.Contracts", "Vigil.Alerting", "Vigil.Mcp"],
        ["Vigil.Cli"] = ["Vigil", "Vigil.Server", "Vigil.Storage.Sqlite", "Vigil.Storage.PostgreSql", "Vigil.Api.Contracts", "Vigil.Alerting", "Vigil.Mcp", "Vigil.MSBuild"],
    };
}
