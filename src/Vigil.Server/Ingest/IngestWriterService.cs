namespace Vigil.Server.Ingest;

/// <summary>
/// Runs the queue's writer for the host's lifetime. The host stops the web server before this
/// service, so requests in flight are still admitted; stopping then drains what was admitted.
/// </summary>
internal sealed class IngestWriterService(IngestQueue queue) : IHostedService
{
    private Task? _writer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writer = Task.Run(queue.RunAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        if (_writer is not null)
        {
            // The drain is not cut short by the host's shutdown timeout: acknowledged means durable.
            await _writer.ConfigureAwait(false);
        }
    }
}
