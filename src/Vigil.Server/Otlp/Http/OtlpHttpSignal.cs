using Google.Protobuf;
using Vigil.Server.Ingest;
using Vigil.Server.Otlp.Mapping;

namespace Vigil.Server.Otlp.Http;

/// <summary>What differs between the three <c>/v1/*</c> endpoints: the request type, its mapping and its response.</summary>
internal sealed record OtlpHttpSignal<TRequest>(
    OtlpSignal Signal,
    MessageParser<TRequest> Parser,
    Func<TRequest, OtlpMappingResult> Map,
    Func<IngestResult, IMessage> Respond)
    where TRequest : IMessage<TRequest>, new();
