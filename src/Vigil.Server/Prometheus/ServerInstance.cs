namespace Vigil.Server.Prometheus;

/// <summary>
/// This server's name among the servers of one store (<c>vigil serve --instance</c>), as <c>/metrics</c> labels it.
/// Its own type, registered by the host, so exposition reads it without depending on the host's options.
/// </summary>
internal sealed record ServerInstance(string Id);
