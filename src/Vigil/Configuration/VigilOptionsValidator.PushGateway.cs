using Vigil.Storage.Configuration;

namespace Vigil.Configuration;

internal static partial class VigilOptionsValidator
{
    /// <summary>An enabled Pushgateway sink must name the gateway; a job, when given, must not be blank (the gateway refuses it).</summary>
    private static void ValidatePushGateway(PushGatewaySinkOptions push, Func<string, string> describeOrigin, List<string> errors)
    {
        if (push.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            Add("PushGateway:Endpoint", $"{ConfigurationText.Show(endpoint.OriginalString)} is not an absolute http:// or https:// URL", describeOrigin, errors);
        }

        if (push.Job is { } job && string.IsNullOrWhiteSpace(job))
        {
            Add("PushGateway:Job", "is blank: give a job name, or leave the key out for the service name", describeOrigin, errors);
        }

        if (push.Enabled && push.Endpoint is null)
        {
            Add("PushGateway:Endpoint", $"is required when 'PushGateway:Enabled' is true: the gateway's address, e.g. http://localhost:9091 (or set {PushGatewaySinkOptions.EnvironmentVariable})", describeOrigin, errors);
        }
    }
}
