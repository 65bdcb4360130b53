namespace Vigil.Cli.Commands.Push;

/// <summary>What a push sends: <c>--service</c>, <c>--since</c>, <c>--batch-size</c>.</summary>
/// <param name="Service">Only this service's records; null for all.</param>
/// <param name="Since">Only records at or after this time; null for all.</param>
/// <param name="BatchSize">Records per request.</param>
/// <param name="Now">The run's "now" (an ignore that has ended is not sent as one).</param>
internal sealed record PushSettings(string? Service, DateTimeOffset? Since, int BatchSize, DateTimeOffset Now);
