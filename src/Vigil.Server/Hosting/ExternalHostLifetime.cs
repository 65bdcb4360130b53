namespace Vigil.Server.Hosting;

/// <summary>
/// The caller (the <c>vigil</c> CLI, a test) owns Ctrl-C and SIGTERM and stops the server through a
/// token; the default console lifetime would hook the process's signals a second time.
/// </summary>
internal sealed class ExternalHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
