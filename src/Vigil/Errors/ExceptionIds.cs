using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Vigil.Errors;

/// <summary>
/// The identity of each exception object Vigil reports (<see cref="Model.ExceptionIdentity"/>): every log record
/// and span event about one thrown exception carries the same id, so a store counts it once however many catches,
/// spans and loggers report it. Keyed weakly, so an id lives exactly as long as its exception; process-wide, so
/// two SDK instances in one process agree.
/// </summary>
internal static class ExceptionIds
{
    private static readonly ConditionalWeakTable<Exception, string> s_ids = [];

    public static string Of(Exception exception) =>
        s_ids.GetValue(exception, static _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
}
