using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Api.Contracts.V1;
using Vigil.Model;
using Vigil.Storage;

namespace Vigil.Cli.Remote;

/// <summary><c>vigil push</c>'s requests: <c>GET /api/push/positions</c> and <c>POST /api/push/{signal}</c> (docs/api.md "Push").</summary>
internal sealed partial class HttpTelemetryStore
{
    // A server that refuses for now (its ingest queue is full) is asked again this often before the push gives up.
    private const int BusyRetries = 10;

    /// <summary>How far each of <paramref name="source"/>'s streams is stored on the server.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ReadPushPositionsAsync(string source, CancellationToken cancellationToken)
    {
        var path = "api/push/positions" + new QueryString().Add(ApiPushHeaders.SourceParameter, source);
        var answer = await GetAsync(path, ApiJson.TypeInfo<ApiPushPositions>(), cancellationToken).ConfigureAwait(false)
            ?? throw new StoreException(Location, $"the Vigil server at {Location} does not take pushes (no /api/push: a Vigil older than push, or not its query port)", null);
        return answer.Positions;
    }

    /// <summary>
    /// Sends one batch (an OTLP/HTTP protobuf body) with its mark. Returns the server's answer, or, when the stream's
    /// position there is not where the batch starts, a conflict naming where it is (nothing was stored).
    /// </summary>
    /// <exception cref="StoreException">The server cannot be reached, refuses the key, or fails.</exception>
    public async Task<PushAnswer> PushAsync(string signalPath, byte[] body, PushMark mark, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/push/" + signalPath, UriKind.Relative))
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
            request.Headers.Add(ApiPushHeaders.Source, mark.Source);
            request.Headers.Add(ApiPushHeaders.Stream, mark.Stream);
            request.Headers.Add(ApiPushHeaders.After, mark.After.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(ApiPushHeaders.Through, mark.Through.ToString(CultureInfo.InvariantCulture));
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new StoreException(Location, $"lost the Vigil server at {Location} while pushing: {Describe(e)}", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new StoreException(Location, $"the Vigil server at {Location} did not answer a pushed batch within {RequestTimeout.TotalSeconds:0} s", e);
            }

            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        return await ReadPushResultAsync(response, cancellationToken).ConfigureAwait(false);
                    case HttpStatusCode.Conflict when response.Headers.TryGetValues(ApiPushHeaders.Position, out var values)
                        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var position):
                        return new PushAnswer(null, position);
                    case HttpStatusCode.ServiceUnavailable when attempt < BusyRetries:
                        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                        await Task.Delay(wait < TimeSpan.FromSeconds(10) ? wait : TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
                        continue;
                    case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                        throw new StoreException(Location, $"the Vigil server at {Location} refused the push: {await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false)} (use --api-key or VIGIL_API_KEY)", null);

                    // The disk guard refuses before anything is queued, and the positions moved only with what was stored,
                    // so nothing is lost: the next push starts where this one stopped. Retrying now would only be refused again.
                    case HttpStatusCode.InsufficientStorage:
                        throw new StoreException(Location, $"the Vigil server at {Location} has no room for the push (507): {await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false)} This batch and the ones after it were not sent; push again once the server has room, and it resumes where it stopped.", null);
                    default:
                        var detail = await ProblemDetailAsync(response, cancellationToken).ConfigureAwait(false);
                        throw new StoreException(Location, $"the Vigil server at {Location} answered a pushed batch with {(int)response.StatusCode} {response.ReasonPhrase}: {detail}", null);
                }
            }
        }
    }

    private async Task<PushAnswer> ReadPushResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var result = await response.Content.ReadFromJsonAsync(ApiJson.TypeInfo<ApiPushResult>(), cancellationToken).ConfigureAwait(false);
            return result is null
                ? throw new StoreException(Location, $"{Location} answered a pushed batch with an empty body", null)
                : new PushAnswer(result, result.Position);
        }
        catch (JsonException e)
        {
            throw new StoreException(Location, $"{Location} did not answer a pushed batch like a Vigil server: {e.Message}", e);
        }
    }
}

/// <summary>A pushed batch's answer: stored (<paramref name="Result"/> set), or refused because the stream is at <paramref name="Position"/>.</summary>
/// <param name="Result">The server's account of the stored batch; null on a conflict.</param>
/// <param name="Position">The stream's position on the server after the answer.</param>
internal sealed record PushAnswer(ApiPushResult? Result, long Position);
