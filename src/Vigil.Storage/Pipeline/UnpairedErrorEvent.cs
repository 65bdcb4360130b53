using Vigil.Model;

namespace Vigil.Storage;

/// <summary>A stored error event that another report of the same occurrence may pair with (see <see cref="IErrorGroupPersistence"/>).</summary>
/// <param name="Id">The event's id.</param>
/// <param name="GroupId">Its group.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Source">Whether it came from a log record or a span event.</param>
/// <param name="Type">The exception type it was stored with.</param>
/// <param name="Message">The exception message, or null.</param>
/// <param name="HasExceptionId">True when it was stored with an exception id.</param>
public sealed record UnpairedErrorEvent(
    long Id, long GroupId, DateTimeOffset Timestamp, ErrorEventSource Source, string Type, string? Message, bool HasExceptionId);
