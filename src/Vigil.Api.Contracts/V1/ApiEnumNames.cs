using System.Text.Json;

namespace Vigil.Api.Contracts.V1;

/// <summary>
/// An enum value's spelling in the API, for the places JSON serialisation does not reach: query-string values
/// (<c>status=unresolved</c>) and hand-written JSON such as the CLI's <c>--json</c>. It asks
/// <see cref="ApiJson"/>, so the spelling stays the one on the enum member.
/// </summary>
public static class ApiEnumNames
{
    /// <summary>The spelling of <paramref name="value"/> (<c>"stackTrace"</c> for <see cref="ApiFingerprintMethod.StackTrace"/>).</summary>
    /// <typeparam name="TEnum">One of the contract's enums.</typeparam>
    /// <param name="value">A defined value.</param>
    /// <returns>The spelling, without quotes.</returns>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var json = JsonSerializer.Serialize(value, ApiJson.TypeInfo<TEnum>());
        return JsonSerializer.Deserialize(json, ApiJson.TypeInfo<string>())!;
    }
}
