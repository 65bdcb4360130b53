using Vigil.Grouping;
using Vigil.Model;

namespace Vigil.Storage.Tests.Pipeline;

/// <summary>
/// Pairing decisions an engine's row order could change and the SQLite contract suite cannot vary: the engine hands
/// back candidates in any order, and the pipeline must pick the same one whatever that order is.
/// </summary>
public sealed class ErrorGrouperPairingTests
{
    private static readonly DateTimeOffset s_time = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Add_TwoCandidatesEquallyNear_PairsTheOneStoredFirstWhateverTheEngineOrder(bool reversed)
    {
        // Arrange
        UnpairedErrorEvent[] candidates =
        [
            Candidate(id: 7, group: 70, s_time.AddMilliseconds(-500)),
            Candidate(id: 3, group: 30, s_time.AddMilliseconds(500)),
        ];
        var store = new ScriptedErrorGroupPersistence(reversed ? [.. candidates.Reverse()] : candidates);

        // Act
        new ErrorGrouper(store, s_time).Add(Occurrence());

        // Assert
        Assert.Equal([3L], store.Paired);
        Assert.Equal(30, store.Aliases["fp"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Add_CandidatesAtDifferentDistances_PairsTheNearestWhateverTheEngineOrder(bool reversed)
    {
        // Arrange
        UnpairedErrorEvent[] candidates =
        [
            Candidate(id: 1, group: 10, s_time.AddMilliseconds(-900)),
            Candidate(id: 2, group: 20, s_time.AddMilliseconds(100)),
            Candidate(id: 4, group: 40, s_time.AddMilliseconds(-100)) with { Message = "other" },
        ];
        var store = new ScriptedErrorGroupPersistence(reversed ? [.. candidates.Reverse()] : candidates);

        // Act
        new ErrorGrouper(store, s_time).Add(Occurrence());

        // Assert
        Assert.Equal([2L], store.Paired);
        Assert.Equal(20, store.Aliases["fp"]);
    }

    private static UnpairedErrorEvent Candidate(long id, long group, DateTimeOffset time) =>
        new(id, group, time, ErrorEventSource.SpanEvent, "System.InvalidOperationException", "boom", HasExceptionId: false);

    private static ErrorOccurrence Occurrence() => new()
    {
        Timestamp = s_time,
        Source = ErrorEventSource.Log,
        TraceId = "0af7651916cd43dd8448eb211c80319c",
        SpanId = "b7ad6b7169203331",
        Type = "System.InvalidOperationException",
        Message = "boom",
        Fingerprint = new ExceptionFingerprint { Value = "fp", Method = FingerprintMethod.StackTrace, Components = [] },
    };
}
