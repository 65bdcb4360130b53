using Vigil.Cli.Remote;
using Vigil.Model;

namespace Vigil.Cli.Commands.Push;

/// <summary>
/// Error-group state goes with a push as status, not only as events: the server grouped the pushed events itself (the
/// same fingerprints), and each local group that is resolved or ignored sets the server's group of the same fingerprint
/// through the query API's triage write (<c>POST /api/errors/{id}/status</c>). The later decision wins: a group the
/// team changed on the server after the local change is left as the team left it, and a group already in that status
/// is not touched, so a second push changes nothing.
/// </summary>
internal static class PushErrorStatuses
{
    // The query API's largest page (QueryLimits.MaxLimit): more groups than that in one status are not all matched.
    private const int MaxGroups = 10_000;

    public static async Task ApplyAsync(Vigil.Storage.IQueryStore local, HttpTelemetryStore server, PushSettings settings, PushSummary summary, CancellationToken cancellationToken)
    {
        var decided = new List<ErrorGroup>();
        foreach (var status in (ErrorGroupStatus[])[ErrorGroupStatus.Resolved, ErrorGroupStatus.Ignored])
        {
            decided.AddRange(await local.QueryErrorGroupsAsync(new ErrorGroupQuery { Status = status, ServiceName = settings.Service, Limit = MaxGroups }, cancellationToken).ConfigureAwait(false));
        }

        if (decided.Count == 0)
        {
            return;
        }

        var remote = new Dictionary<(string, int), ErrorGroup>();
        foreach (var status in Enum.GetValues<ErrorGroupStatus>())
        {
            foreach (var group in await server.QueryErrorGroupsAsync(new ErrorGroupQuery { Status = status, Limit = MaxGroups }, cancellationToken).ConfigureAwait(false))
            {
                remote[(group.Fingerprint, group.GroupingVersion)] = group;
            }
        }

        foreach (var group in decided)
        {
            if (!remote.TryGetValue((group.Fingerprint, group.GroupingVersion), out var there))
            {
                summary.ErrorGroupsNotOnServer++;
                continue;
            }

            if (there.Status == group.Status || (there.StatusChanged is { } changed && changed >= (group.StatusChanged ?? DateTimeOffset.MinValue)))
            {
                continue;
            }

            await server.UpdateErrorGroupStatusAsync(there.Id, ChangeFor(group, settings.Now), cancellationToken).ConfigureAwait(false);
            summary.ErrorStatusesSet++;
        }
    }

    private static ErrorStatusChange ChangeFor(ErrorGroup group, DateTimeOffset now)
    {
        if (group.Status == ErrorGroupStatus.Resolved)
        {
            return new ErrorStatusChange { Status = ErrorGroupStatus.Resolved, InNextRelease = group.ResolvedInNextRelease };
        }

        // An ignore "for N more events" counted here goes on as the events still to come; "until" as the same time.
        long? forEvents = group.IgnoredUntilCount is { } until && until > group.Count ? until - group.Count : null;
        return new ErrorStatusChange { Status = ErrorGroupStatus.Ignored, IgnoreForEvents = forEvents, IgnoreUntil = group.IgnoredUntil > now ? group.IgnoredUntil : null };
    }
}
