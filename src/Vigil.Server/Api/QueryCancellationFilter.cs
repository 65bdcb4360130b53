namespace Vigil.Server.Api;

/// <summary>
/// Cancels a query when the server starts to stop, not only when its client hangs up: the store stops it inside
/// SQLite, and the caller hears why (503) instead of holding shutdown until the query ends or times out.
/// </summary>
internal sealed class QueryCancellationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var stopping = http.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var aborted = http.RequestAborted;
        http.RequestAborted = linked.Token;
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return Results.Problem(detail: "the server is stopping; the query was stopped", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Server stopping");
        }
        finally
        {
            http.RequestAborted = aborted;
        }
    }
}
