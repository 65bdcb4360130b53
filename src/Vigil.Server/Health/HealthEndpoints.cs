using System.Text.Json;
using Vigil.Model;
using Vigil.Server.Ingest;
using Vigil.Storage;

namespace Vigil.Server.Health;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c> in <c>application/health+json</c>
/// (draft-inadarei-api-health-check): <c>pass</c> with 200, <c>fail</c> with 503. Never throws.
/// </summary>
internal static class HealthEndpoints
{
    public const string ContentType = "application/health+json";

    /// <summary>How long the readiness probe waits for the store before calling it failed.</summary>
    public static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long a failed commit, with none succeeding since, keeps the server not ready.</summary>
    public static readonly TimeSpan CommitFailureWindow = TimeSpan.FromSeconds(30);

    public static Task LiveAsync(HttpContext context) => WriteAsync(context, pass: true, output: null);

    public static async Task ReadyAsync(HttpContext context)
    {
        string? failure = null;

        // A store that answers queries may still be unable to commit (a full disk): senders would only get 503s here.
        var failedCommits = context.RequestServices.GetService<IngestStatistics>()?.RecentFailedCommitsInARow(CommitFailureWindow) ?? 0;
        if (failedCommits > 0)
        {
            failure = $"the store could not commit the last {failedCommits} batch{(failedCommits == 1 ? string.Empty : "es")} of records; senders are told to retry";
            await WriteAsync(context, pass: false, failure).ConfigureAwait(false);
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(StoreTimeout);
            var store = context.RequestServices.GetRequiredService<ITelemetryReader>();

            // The cheapest real question: one log record, served by an index.
            _ = await store.QueryLogsAsync(new LogQuery { Limit = 1 }, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            failure = $"the store did not answer within {StoreTimeout.TotalSeconds:0} s";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A health probe reports failure; it never fails itself.
            failure = $"the store did not answer: {e.Message}";
        }

        await WriteAsync(context, failure is null, failure).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, bool pass, string? output)
    {
        context.Response.StatusCode = pass ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, string> { ["status"] = pass ? "pass" : "fail" };
        if (output is not null)
        {
            body["output"] = output;
        }

        await JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }
}
