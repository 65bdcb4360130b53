using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Vigil.Api.Contracts.V1;

/// <summary>
/// The v1 wire JSON: source-generated metadata for every contract type, so the server writes and clients read with
/// the same rules (camelCase, nulls written, enums as spelt on their members, NaN and infinities as text).
/// </summary>
public static class ApiJson
{
    /// <summary>The options behind <see cref="TypeInfo{T}"/>, for APIs that take options rather than type metadata.</summary>
    public static JsonSerializerOptions Options => ApiJsonContext.Default.Options;

    /// <summary>The metadata to write or read <typeparamref name="T"/> with.</summary>
    /// <typeparam name="T">A contract type: a response, the status change body, the problem document, or one of the enums.</typeparam>
    /// <returns>The source-generated metadata.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is not a type of the contract.</exception>
    public static JsonTypeInfo<T> TypeInfo<T>() => Cache<T>.Info;

    private static class Cache<T>
    {
        public static readonly JsonTypeInfo<T> Info = ApiJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new ArgumentException($"{typeof(T).Name} is not a type of the API contract", nameof(T));
    }
}
