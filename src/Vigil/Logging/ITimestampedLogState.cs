namespace Vigil.Logging;

/// <summary>
/// The state of a log record written after the fact: a build's warnings, which the MSBuild logger writes when the
/// build ends, or the lines <c>vigil exec</c> records after they arrived. The record gets this time, when it is
/// set, instead of the moment it was logged, so it sits where it happened in its span and in time order.
/// </summary>
internal interface ITimestampedLogState
{
    /// <summary>When the record's event happened (UTC); <see cref="DateTime.MinValue"/> to keep the logging time.</summary>
    DateTime TimestampUtc { get; }
}
