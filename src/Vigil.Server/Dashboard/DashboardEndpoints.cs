using System.Net;
using Microsoft.Extensions.Options;
using Vigil.Server.Api;

namespace Vigil.Server.Dashboard;

/// <summary>
/// The web dashboard on the query port (docs/dashboard.md): <c>GET /</c> is the page (every view, its state in the
/// query string), <c>GET /assets/*</c> its scripts and style, <c>POST /login</c> the API-key form. With an API key
/// configured, a browser without the session cookie gets the login page at <c>/</c> and nothing else but its style.
/// </summary>
internal static class DashboardEndpoints
{
    public const string AssetsPath = "/assets";

    /// <summary>
    /// The assets served without the session: the login page's style, icon and the script that applies the stored
    /// theme (no data, and no script that reads the API).
    /// </summary>
    private static readonly string[] s_publicAssets = [AssetsPath + "/style.css", AssetsPath + "/icon.svg", AssetsPath + "/login.js", AssetsPath + "/theme.js"];

    private const string LoginPath = "/login";
    private const string KeyField = "key";

    /// <summary>A login form is one short field; anything longer is not one.</summary>
    private const int MaxLoginBodyBytes = 4096;

    public static IEndpointRouteBuilder MapVigilDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", Page);
        endpoints.MapGet(AssetsPath + "/{**path}", Asset);
        endpoints.MapPost(LoginPath, (Func<HttpContext, Task<IResult>>)LoginAsync);
        return endpoints;
    }

    /// <summary>What the API key check lets through to these endpoints' own check: the page (or its login form), its style, the form's post.</summary>
    public static bool IsOpen(HttpRequest request) =>
        request.Path == "/" || request.Path == LoginPath || s_publicAssets.Contains(request.Path.Value, StringComparer.Ordinal);

    private static IResult Page(HttpContext context) =>
        ApiKey(context) is { } key && !DashboardSession.IsValid(context.Request, DashboardSession.Token(key))
            ? Login(context, StatusCodes.Status200OK, message: null)
            : File(context, DashboardAssets.Find("index.html")!);

    private static IResult Asset(HttpContext context, string path) =>
        DashboardAssets.Find(path) is { } asset && !path.EndsWith(".html", StringComparison.Ordinal)
            ? File(context, asset)
            : Results.Problem(detail: $"no dashboard file '{WebUtility.UrlEncode(path)}'", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static async Task<IResult> LoginAsync(HttpContext context)
    {
        if (ApiKey(context) is not { } key)
        {
            return Results.Redirect("/" + context.Request.QueryString, permanent: false);
        }

        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return Login(context, StatusCodes.Status415UnsupportedMediaType, "The form was not sent as a form.");
        }

        if (request.ContentLength is null or > MaxLoginBodyBytes)
        {
            return Login(context, StatusCodes.Status413PayloadTooLarge, "The form was too large.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return Login(context, StatusCodes.Status400BadRequest, "The form could not be read.");
        }

        var presented = form[KeyField].ToString();
        var token = DashboardSession.Token(key);
        if (presented.Length == 0 || DashboardSession.Token(presented) != token)
        {
            // Compared as HMACs: equal only when the keys are, and the comparison's time says nothing about the key.
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Login(context, StatusCodes.Status401Unauthorized, "That key is not this server's API key.");
        }

        context.Response.Cookies.Append(DashboardSession.CookieName, token, DashboardSession.Options(request));

        // Back to the view the link asked for: always this server's page, whatever the query string holds.
        return Results.Redirect("/" + request.QueryString.ToUriComponent(), permanent: false);
    }

    private static IResult Login(HttpContext context, int status, string? message)
    {
        var template = System.Text.Encoding.UTF8.GetString(DashboardAssets.Find("login.html")!.Content);
        var html = template
            .Replace("{{action}}", WebUtility.HtmlEncode(LoginPath + context.Request.QueryString.ToUriComponent()), StringComparison.Ordinal)
            .Replace("{{message}}", WebUtility.HtmlEncode(message ?? string.Empty), StringComparison.Ordinal);
        var asset = DashboardAssets.Find("login.html")!;
        DashboardHeaders.Set(context.Response, asset);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ETag = default;
        return Results.Content(html, asset.ContentType, statusCode: status);
    }

    private static IResult File(HttpContext context, DashboardAsset asset)
    {
        DashboardHeaders.Set(context.Response, asset);
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static string? ApiKey(HttpContext context) =>
        context.RequestServices.GetService<IOptions<QueryApiOptions>>()?.Value.ApiKey is { Length: > 0 } key ? key : null;
}
