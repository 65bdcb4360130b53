using System.CommandLine;
using System.Text.Json;
using Vigil.Alerting.Notifications;
using Vigil.Cli.Commands.Serve;
using Vigil.Cli.Help;
using Vigil.Server.Hosting;

namespace Vigil.Cli.Commands.Alerts;

/// <summary>
/// <c>vigil alerts test CHANNEL</c>: sends one test notification through a channel of the server's configuration
/// file, made exactly as <c>vigil serve</c> would make it, and says whether it was delivered. It reads the file
/// rather than asking a running server, so a configuration can be checked before it is deployed, from the machine
/// that will run it, with no server up; the attempt is not recorded in any store.
/// </summary>
internal sealed class TestChannelCommand : Command, IHaveExamples
{
    private readonly CliContext _context;
    private readonly ServerConfigOption _config = new();
    private readonly Argument<string> _channel = new("CHANNEL") { Description = "The channel's Name in the configuration's Alerts:Channels (console when none is configured)." };
    private readonly Option<bool> _json = new("--json") { Description = "Write the outcome as one JSON object: channel, kind, delivered, error, retryable." };

    /// <summary>Creates the command.</summary>
    public TestChannelCommand(CliContext context)
        : base("test", "Send a test notification through one configured channel and say whether it was delivered.")
    {
        _context = context;
        Arguments.Add(_channel);
        _config.AddTo(this);
        Options.Add(_json);
        SetAction(ExecuteAsync);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Examples { get; } =
    [
        "vigil alerts test ops-slack                       # through the channel of ./vigil.server.json",
        "vigil alerts test oncall-mail --config prod.json  # the file vigil serve --config prod.json reads",
        "vigil alerts test am --json | jq .error",
    ];

    private async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_channel) ?? string.Empty;
        var options = new VigilServerOptions();
        _config.ApplyTo(parseResult, _context, options);
        var names = NotificationChannelTest.ChannelNames(options.Alerts);
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            await _context.Stderr.WriteLineAsync($"vigil: no channel named '{name}' in the configuration (it has: {string.Join(", ", names)}); channels are declared in Alerts:Channels").ConfigureAwait(false);
            return ExitCodes.NotFound;
        }

        // The same bound on one attempt as the notifier's, so a dead SMTP server fails here as it would there.
        var timeout = options.Alerts.Channels.FirstOrDefault(c => c.Name == name)?.Timeout ?? NotificationChannelOptions.DefaultTimeout;
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        string? kind = null;
        NotificationDeliveryException? failure = null;
        try
        {
            kind = await NotificationChannelTest.SendAsync(options.Alerts, name, _context.Clock, attempt.Token).ConfigureAwait(false);
        }
        catch (NotificationDeliveryException e)
        {
            failure = e;
        }
        catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            failure = new NotificationDeliveryException($"no answer within {Output.DurationFormatter.Format(timeout)} (the channel's Timeout)");
        }

        kind ??= options.Alerts.Channels.FirstOrDefault(c => c.Name == name)?.Kind ?? "console";
        if (parseResult.GetValue(_json))
        {
            WriteJson(name, kind, failure);
        }
        else if (failure is null)
        {
            await _context.Data.WriteLineAsync($"delivered a test notification to '{name}' ({kind})").ConfigureAwait(false);
        }

        if (failure is not null)
        {
            var hint = failure.IsRetryable ? "the destination may be down or busy; try again" : "trying again will not help: check the channel's configuration";
            await _context.Stderr.WriteLineAsync($"vigil: '{name}' ({kind}) did not deliver: {failure.Message} ({hint})").ConfigureAwait(false);
            return ExitCodes.DeliveryFailed;
        }

        return ExitCodes.Success;
    }

    private void WriteJson(string name, string kind, NotificationDeliveryException? failure)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("channel", name);
            json.WriteString("kind", kind);
            json.WriteBoolean("delivered", failure is null);
            if (failure is not null)
            {
                json.WriteString("error", failure.Message);
                json.WriteBoolean("retryable", failure.IsRetryable);
            }

            json.WriteEndObject();
        }

        _context.Data.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
