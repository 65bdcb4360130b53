namespace Vigil.Api.Contracts.V1;

/// <summary>Problem titles a client acts on (not only shows), spelt once for the server that writes them and the clients that read them.</summary>
public static class ApiProblemTitles
{
    /// <summary>The title of the 404 for a path no endpoint takes (as opposed to a missing trace, metric or error group).</summary>
    public const string NoSuchEndpoint = "No such endpoint";
}
