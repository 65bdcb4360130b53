using System.Data.Common;
using System.Text.Json.Serialization.Metadata;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Server.Api;

/// <summary>Runs a handler and turns its failures into RFC 9457 problem details.</summary>
internal static class ApiResults
{
    /// <summary>Every answer's JSON: a contract type written by <see cref="ApiJson"/>.</summary>
    public static IResult Json<T>(T value, JsonTypeInfo<T> type) => Results.Json(value, type);

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static async Task<IResult> RunAsync(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler().ConfigureAwait(false);
        }
        catch (BadParameterException e)
        {
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Bad query parameter");
        }
        catch (BadBodyException e)
        {
            return Results.Problem(detail: e.Message, statusCode: e.StatusCode, title: e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "Request body too large",
                StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
                _ => "Bad request body",
            });
        }
        catch (QueryRefusedException e)
        {
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Query refused");
        }
        catch (StoreQueryTimeoutException e)
        {
            // The store is fine; this query asked for too much. The detail names the limit, not the store file.
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Query took too long");
        }
        catch (NotSupportedException e)
        {
            // A store engine without error tracking or health: the server works, this feature does not.
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status501NotImplemented, title: "Not supported by this store");
        }
        catch (DbException e)
        {
            // The database went away under a query (a restart, a cut connection): retryable, and never the raw driver
            // error, whose text can name hosts and internals. StoreException below covers what the engine wrapped itself.
            return StoreAway(e);
        }
        catch (StoreException e)
        {
            // The store is missing or broken: the server cannot answer, but it is not the caller's fault.
            return Results.Problem(detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Store unavailable");
        }
    }

    private static RetryLater StoreAway(DbException e) => new RetryLater(Results.Problem(
        detail: e.IsTransient
            ? "the database is not answering (restarting, or the connection was cut); retry shortly"
            : "the database refused the query; the server's log has the database's own error",
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Store unavailable"));

    /// <summary>A 503 with <c>Retry-After</c>, so clients and proxies wait before asking again.</summary>
    private sealed class RetryLater(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = "1";
            return inner.ExecuteAsync(httpContext);
        }
    }

    public static DateTimeOffset Now(HttpContext context) =>
        (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
}
