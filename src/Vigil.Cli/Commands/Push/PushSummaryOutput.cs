using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Push;

/// <summary>The summary a push ends with: a few lines of text, or one JSON object for scripts.</summary>
internal static class PushSummaryOutput
{
    public static void WriteText(IAnsiConsole console, PushSummary summary)
    {
        foreach (var (signal, account) in summary.Signals)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{PushStreams.Label(signal),-13} {account.Sent,10:N0} sent in {account.Batches:N0} batches");
            if (account.Rejected > 0)
            {
                line += string.Create(CultureInfo.InvariantCulture, $", {account.Rejected:N0} refused by the server ({account.RejectedReason})");
            }

            if (account.AlreadyStored > 0)
            {
                line += string.Create(CultureInfo.InvariantCulture, $", {account.AlreadyStored:N0} batches already there");
            }

            console.WriteLine(line);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error groups  {summary.ErrorStatusesSet,10:N0} statuses set on the server") +
            (summary.ErrorGroupsNotOnServer > 0 ? string.Create(CultureInfo.InvariantCulture, $", {summary.ErrorGroupsNotOnServer:N0} resolved or ignored groups have no events there") : string.Empty));
        console.WriteLine($"to {summary.Server} as store {summary.Source}");
    }

    public static void WriteJson(TextWriter output, PushSummary summary)
    {
        var lines = new JsonLines(output);
        lines.Write(json =>
        {
            json.WriteString("server", summary.Server);
            json.WriteString("source", summary.Source);
            foreach (var (signal, account) in summary.Signals)
            {
                json.WriteStartObject(PushStreams.Label(signal));
                json.WriteNumber("sent", account.Sent);
                json.WriteNumber("rejected", account.Rejected);
                json.WriteNumber("batches", account.Batches);
                json.WriteNumber("alreadyStored", account.AlreadyStored);
                json.WriteNumber("startPosition", account.StartPosition);
                json.WriteNumber("position", account.Position);
                if (account.RejectedReason is { } reason)
                {
                    json.WriteString("rejectedReason", reason);
                }

                json.WriteEndObject();
            }

            json.WriteStartObject("errorGroups");
            json.WriteNumber("statusesSet", summary.ErrorStatusesSet);
            json.WriteNumber("notOnServer", summary.ErrorGroupsNotOnServer);
            json.WriteEndObject();
        });
        lines.Flush();
    }
}
