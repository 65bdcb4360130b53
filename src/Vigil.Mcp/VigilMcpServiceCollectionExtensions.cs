using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Vigil.Alerting.Budgets;
using Vigil.Alerting.Slos;
using Vigil.Mcp.Audit;
using Vigil.Mcp.Tools;

namespace Vigil.Mcp;

/// <summary>
/// Adds Vigil's MCP server and its tools; the host adds the transport (<c>WithStdioServerTransport</c> for
/// <c>vigil mcp</c>, <c>WithHttpTransport</c> for <c>vigil serve</c>'s <c>/mcp</c>). The tools read through the store
/// roles the host registers: <c>ITelemetryReader</c>, <c>IAlertSignalReader</c>, <c>ITriageStore</c>,
/// <c>IAlertTriageStore</c>, and <c>ITelemetryWriter</c> for the audit of writes. SLOs come from the host's
/// <see cref="ISloSource"/> (none when it registers none) and are evaluated by its <see cref="SloEvaluator"/>, or by
/// one over the store's readers; budgets from its <see cref="IBudgetSource"/> (by default the working directory's file).
/// </summary>
public static class VigilMcpServiceCollectionExtensions
{
    /// <summary>What the server tells an assistant when it connects.</summary>
    public const string Instructions =
        "Vigil: logs, traces, metrics, error groups, health, alerts, SLOs and build budgets of the services that send here. Answers are small: " +
        "lists give summaries and ids (say moreMatched when cut), details come by id. Times are durations back from now " +
        "(15m, 2h, 1d) or RFC 3339. Start with get_health, list_alerts, list_slos and list_error_groups; count_logs before search_logs. " +
        "Write tools act only when a person enabled them, and record who asked.";

    private static readonly JsonSerializerOptions s_json = new(McpJsonUtilities.DefaultOptions)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Adds the MCP server with every Vigil tool.</summary>
    /// <param name="services">The host's services, with the store roles registered.</param>
    /// <param name="options">Whether writes act, the transport's name, the clock.</param>
    /// <returns>The builder, for the transport.</returns>
    public static IMcpServerBuilder AddVigilMcpServer(this IServiceCollection services, VigilMcpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        services.AddSingleton<WriteAudit>();
        services.TryAddSingleton<ISloSource>(SloCatalog.Empty);
        services.TryAddSingleton(provider => new SloEvaluator(SloSources.From(provider), options.Clock));

        // Without a host's own, budgets are where vigil budgets check looks by default: the working directory.
        services.TryAddSingleton<IBudgetSource>(new BudgetFileSource(Directory.GetCurrentDirectory(), null));
        return services
            .AddMcpServer(server =>
            {
                server.ServerInfo = new Implementation { Name = "vigil", Version = typeof(VigilMcpOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" };
                server.ServerInstructions = Instructions;
            })
            .WithTools<LogTools>(s_json)
            .WithTools<TraceTools>(s_json)
            .WithTools<MetricTools>(s_json)
            .WithTools<ErrorTools>(s_json)
            .WithTools<HealthTools>(s_json)
            .WithTools<AlertTools>(s_json)
            .WithTools<SloTools>(s_json)
            .WithTools<BudgetTools>(s_json)
            .WithTools<WriteTools>(s_json);
    }
}
