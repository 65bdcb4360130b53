namespace Vigil.Storage;

/// <summary>A record with its sequence in the store it was read from (arrival order; never reused).</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Sequence">The record's sequence.</param>
/// <param name="Record">The record.</param>
public sealed record Sequenced<T>(long Sequence, T Record);
