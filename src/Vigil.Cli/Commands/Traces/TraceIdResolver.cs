using Vigil.Cli.Parsing;
using Vigil.Storage;

namespace Vigil.Cli.Commands.Traces;

/// <summary>Takes a trace id prefix (as a log line shows it) for the one stored trace it starts, as git does with commits.</summary>
internal static class TraceIdResolver
{
    /// <summary>How many of the traces an ambiguous prefix matches the message lists.</summary>
    public const int CandidatesShown = 5;

    /// <summary>
    /// The whole id: <paramref name="idOrPrefix"/> itself when it has all 32 digits, else the one stored trace id that starts
    /// with it; null when none does.
    /// </summary>
    /// <exception cref="CliUsageException">More than one stored trace id starts with the prefix.</exception>
    public static async Task<string?> ResolveAsync(IQueryStore store, string idOrPrefix, CancellationToken cancellationToken)
    {
        if (idOrPrefix.Length == TraceIdParser.Length)
        {
            return idOrPrefix;
        }

        var ids = await store.FindTraceIdsAsync(idOrPrefix, CandidatesShown + 1, cancellationToken).ConfigureAwait(false);
        return ids.Count switch
        {
            0 => null,
            1 => ids[0],
            _ => throw new CliUsageException(
                $"trace id prefix '{idOrPrefix}' is ambiguous: {string.Join(", ", ids.Take(CandidatesShown))}{(ids.Count > CandidatesShown ? ", …" : string.Empty)} (give more digits)"),
        };
    }

    /// <summary>The line for a prefix (or id) that no stored trace has.</summary>
    public static string NotFound(string idOrPrefix) => idOrPrefix.Length == TraceIdParser.Length
        ? $"trace {idOrPrefix} not found in the store"
        : $"no trace in the store has an id starting with {idOrPrefix}";
}
