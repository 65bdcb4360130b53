using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Alerting.Slos;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Alerting.Rules;

/// <summary>
/// The rule engine: at start it restores the pending and firing instances from the store (so <c>For</c> survives a
/// restart), then runs every rule on its own interval (see <see cref="RuleRunner"/>). It reloads when the
/// configuration file or a rule file changes, and on <see cref="ReloadAsync"/>; a reload with any problem keeps the
/// rules in force and reports why. Rules kept across a reload keep their instances; removed rules resolve theirs.
/// </summary>
public sealed partial class AlertRuleEngine : BackgroundService, ISloSource
{
    /// <summary>How often the configuration and rule files are checked for changes.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);

    private readonly AlertRuleSource _source;
    private readonly RuleEngineServices _services;
    private readonly SemaphoreSlim _reloading = new(1, 1);

    // A reload asked for before the first load (the API answers as soon as the host starts, while the engine is still
    // restoring from the store) waits for it: otherwise it would report "0 rules in force" and race the start.
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private List<Running> _running = [];
    private IReadOnlyList<string> _watched = [];
    private string _fingerprint = string.Empty;
    private AlertRuleReload? _lastReload;
    private CancellationToken _stopping;
    private Dictionary<string, List<AlertInstance>>? _restored;

    internal AlertRuleEngine(AlertRuleSource source, RuleEngineServices services)
    {
        _source = source;
        _services = services;
    }

    /// <summary>Every rule in force with its state and latest evaluation, in declaration order (defaults first).</summary>
    public IReadOnlyList<AlertRuleStatus> Rules
    {
        get
        {
            lock (_lock)
            {
                return [.. _running.Select(r => r.Runner.Status())];
            }
        }
    }

    /// <summary>
    /// The SLOs whose burn-rate rules are in force, in declaration order: what <c>GET /api/slos</c> evaluates, so an
    /// SLO added or changed by a reload shows at once, and one refused by a reload does not.
    /// </summary>
    public IReadOnlyList<SloDefinition> Slos
    {
        get
        {
            lock (_lock)
            {
                return SloRules.Of(_running.Select(r => r.Runner.Rule));
            }
        }
    }

    /// <summary>The latest reload (or the start), or null before the engine started.</summary>
    public AlertRuleReload? LastReload
    {
        get
        {
            lock (_lock)
            {
                return _lastReload;
            }
        }
    }

    /// <summary>Re-reads the configuration file and the rule files; on any problem keeps the rules in force.</summary>
    /// <param name="cancellationToken">Cancels waiting for a reload already under way.</param>
    /// <returns>What happened.</returns>
    public Task<AlertRuleReload> ReloadAsync(CancellationToken cancellationToken = default) => ReloadCoreAsync("api", cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// Of several servers on one database only the leader evaluates (<see cref="RuleEngineServices.Leader"/>); each
    /// term starts again from the stored state, so a server that takes over keeps every <c>For</c> where it was.
    /// </remarks>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _services.Leader.RunWhileLeadingAsync(LeadAsync, stoppingToken);

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        try
        {
            var stored = await _services.Store.QueryAlertsAsync(new AlertQuery { States = [AlertState.Pending, AlertState.Firing], Limit = 10_000 }, stoppingToken).ConfigureAwait(false);
            _restored = stored.GroupBy(i => i.RuleName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the stored state, For starts again from zero: worse, but the rules still run.
            LogRestoreFailed(_services.Logger, e, e.Message);
        }

        await _reloading.WaitAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            await ApplyAsync(RuleSet.Load(_source.Initial, _source.ConfigurationFile), "start", stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            _reloading.Release();
            _started.TrySetResult();
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(WatchInterval, _services.Time, stoppingToken).ConfigureAwait(false);
                if (Fingerprint(Watched()) != _fingerprint)
                {
                    await ReloadCoreAsync("file change", stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAllAsync().ConfigureAwait(false);

            // The next term restores from the store, not from machines that stopped following it.
            lock (_lock)
            {
                _running = [];
            }
        }
    }

    private async Task<AlertRuleReload> ReloadCoreAsync(string trigger, CancellationToken cancellationToken)
    {
        if (!_services.Leader.IsLeader)
        {
            return new AlertRuleReload
            {
                At = _services.Time.GetUtcNow(),
                Trigger = trigger,
                Succeeded = false,
                Rules = 0,
                Problems = ["this server does not lead: the leading server of this database evaluates the rules and reloads them"],
            };
        }

        await _started.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            RuleSet set;
            try
            {
                var section = _source.Reread?.Invoke() ?? _source.Initial;
                set = RuleSet.Load(section, _source.ConfigurationFile);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                set = new RuleSet { Problems = [new(string.Empty, e.Message)] };
            }

            return await ApplyAsync(set, trigger, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private async Task<AlertRuleReload> ApplyAsync(RuleSet set, string trigger, CancellationToken cancellationToken)
    {
        var now = _services.Time.GetUtcNow();

        // The files are watched as they are now, good or bad: a bad file is reported once, not every two seconds.
        var files = _source.ConfigurationFile is { } config ? [config, .. set.Files] : set.Files;
        _watched = files;
        _fingerprint = Fingerprint(files);
        if (set.Problems.Count > 0)
        {
            var failed = new AlertRuleReload
            {
                At = now,
                Trigger = trigger,
                Succeeded = false,
                Rules = Rules.Count,
                Problems = [.. set.Problems.Select(p => p.ToString())],
            };
            LogReloadFailed(_services.Logger, trigger, string.Join("; ", failed.Problems));
            lock (_lock)
            {
                _lastReload = failed;
            }

            return failed;
        }

        // Stop every runner first: a machine is touched only by its runner, or here while none runs.
        List<Running> old;
        lock (_lock)
        {
            old = _running;
        }

        await StopAsync(old).ConfigureAwait(false);
        var machines = old.ToDictionary(r => r.Runner.Rule.Name, r => r.Runner.Machine, StringComparer.Ordinal);
        var running = new List<Running>();
        foreach (var rule in set.Rules)
        {
            if (machines.Remove(rule.Name, out var machine))
            {
                machine.Rebind(rule);
            }
            else
            {
                machine = new AlertStateMachine(rule);
                if (_restored?.Remove(rule.Name, out var stored) == true)
                {
                    machine.Restore(stored);
                }
            }

            var runner = new RuleRunner(machine, rule.Kind.Create(rule.Options, rule.LoadContext), _services);
            var stop = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
            running.Add(new Running(runner, stop, Task.Run(() => runner.RunAsync(stop.Token), CancellationToken.None)));
        }

        lock (_lock)
        {
            _running = running;
        }

        await ResolveRemovedAsync([.. machines.Values], now, cancellationToken).ConfigureAwait(false);
        var reload = new AlertRuleReload { At = now, Trigger = trigger, Succeeded = true, Rules = running.Count };
        LogReloaded(_services.Logger, trigger, running.Count);
        lock (_lock)
        {
            _lastReload = reload;
        }

        return reload;
    }

    // A removed rule's instances are resolved in the store (and the notifier told), not left firing for ever.
    private async Task ResolveRemovedAsync(IReadOnlyList<AlertStateMachine> removed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var changed = removed.SelectMany(m => m.ResolveAll(now)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        try
        {
            var stored = await _services.Store.SaveAlertsAsync(changed, cancellationToken).ConfigureAwait(false);
            var resolved = stored.Where(i => i.State == AlertState.Resolved).ToList();
            if (_services.Notifier is { } notifier && resolved.Count > 0)
            {
                await notifier.PublishAsync(resolved, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRestoreFailed(_services.Logger, e, e.Message);
        }
    }

    private async Task StopAllAsync()
    {
        List<Running> running;
        lock (_lock)
        {
            running = _running;
        }

        await StopAsync(running).ConfigureAwait(false);
    }

    private static async Task StopAsync(List<Running> running)
    {
        foreach (var r in running)
        {
            await r.Stop.CancelAsync().ConfigureAwait(false);
        }

        foreach (var r in running)
        {
            try
            {
                await r.Task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            r.Stop.Dispose();
        }
    }

    private IReadOnlyList<string> Watched() => _watched;

    // Length, time of last write and a hash of the content: a change within the file system's time resolution still shows.
    private static string Fingerprint(IReadOnlyList<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file));
            try
            {
                var info = new FileInfo(file);
                if (info.Exists && info.Length <= RuleSet.MaxFileBytes)
                {
                    hash.AppendData(File.ReadAllBytes(file));
                }
                else
                {
                    hash.AppendData(BitConverter.GetBytes(info.Exists ? info.Length : -1));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                hash.AppendData([0]);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _reloading.Dispose();
        base.Dispose();
    }

    private sealed record Running(RuleRunner Runner, CancellationTokenSource Stop, Task Task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rules were not reloaded ({Trigger}); the rules in force stay: {Problems}")]
    private static partial void LogReloadFailed(ILogger logger, string trigger, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert rules loaded ({Trigger}): {Count} rules")]
    private static partial void LogReloaded(ILogger logger, string trigger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rules: the stored alert state could not be read or written: {Reason}")]
    private static partial void LogRestoreFailed(ILogger logger, Exception exception, string reason);
}
