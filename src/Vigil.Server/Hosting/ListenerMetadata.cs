namespace Vigil.Server.Hosting;

/// <summary>Endpoint metadata: the listener an endpoint is served on; other listeners answer 404.</summary>
internal sealed record ListenerMetadata(VigilServerListener Listener);
