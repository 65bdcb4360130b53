namespace Vigil.Api.Contracts;

/// <summary>
/// The version of the query API's contract. Every <c>/api/*</c> answer carries it in <see cref="HeaderName"/>, so a
/// client can tell which shapes it is reading; the types of a version live in the namespace of that name
/// (<see cref="V1"/>), so a later version can sit beside this one.
/// </summary>
public static class ApiVersion
{
    /// <summary>The contract this assembly describes and the server speaks.</summary>
    public const string Current = V1;

    /// <summary>The first contract: the shapes documented in docs/api.md.</summary>
    public const string V1 = "v1";

    /// <summary>The response header that names the contract version of an <c>/api/*</c> answer.</summary>
    public const string HeaderName = "Vigil-Api-Version";
}
