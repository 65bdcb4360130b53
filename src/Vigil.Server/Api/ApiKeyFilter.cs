using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Api;

/// <summary>
/// Requires the configured API key on every query API request (see <see cref="QueryApiOptions.ApiKey"/>), or the
/// dashboard's session cookie, which the login form sets for that key.
/// </summary>
internal sealed class ApiKeyFilter : IEndpointFilter
{
    /// <summary>The 401 problem's detail, the same from this filter and from <c>vigil serve</c>'s key check.</summary>
    internal const string Refusal = "this server requires an API key: send it as 'Authorization: Bearer KEY' or 'x-api-key: KEY'";

    private const string BearerPrefix = "Bearer ";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var expected = http.RequestServices.GetService<IOptions<QueryApiOptions>>()?.Value.ApiKey;
        if (string.IsNullOrEmpty(expected) || Matches(Presented(http.Request), expected)
            || DashboardSession.IsValid(http.Request, DashboardSession.Token(expected)))
        {
            return next(context);
        }

        http.Response.Headers.WWWAuthenticate = "Bearer";
        return ValueTask.FromResult<object?>(Results.Problem(
            detail: Refusal,
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized"));
    }

    private static string? Presented(HttpRequest request)
    {
        string? authorization = request.Headers.Authorization;
        if (authorization is not null && authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return authorization[BearerPrefix.Length..].Trim();
        }

        string? header = request.Headers["x-api-key"];
        return header;
    }

    // Constant-time comparison, so response timing does not reveal how much of a guess was right.
    private static bool Matches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
