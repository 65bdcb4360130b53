using Vigil.Storage.Configuration;

namespace Vigil.Configuration;

internal static partial class VigilOptionsValidator
{
    /// <summary>An enabled InfluxDB sink must name where it writes: a database for 1.x, a bucket for 2.x and 3.x.</summary>
    private static void ValidateInflux(InfluxSinkOptions influx, Func<string, string> describeOrigin, List<string> errors)
    {
        if (influx.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            Add("Influx:Endpoint", $"{ConfigurationText.Show(endpoint.OriginalString)} is not an absolute http:// or https:// URL", describeOrigin, errors);
        }

        if (!influx.Enabled)
        {
            return;
        }

        if (influx.ApiVersion == InfluxApiVersion.V1 && string.IsNullOrWhiteSpace(influx.Database))
        {
            Add("Influx:Database", "is required with 'Influx:ApiVersion' V1: the database to write to (db)", describeOrigin, errors);
        }

        if (influx.ApiVersion == InfluxApiVersion.V2 && string.IsNullOrWhiteSpace(influx.Bucket))
        {
            Add("Influx:Bucket", "is required with 'Influx:ApiVersion' V2: the bucket to write to (a database in InfluxDB 3)", describeOrigin, errors);
        }

        if (influx.Password is not null && influx.Username is null)
        {
            Add("Influx:Username", "is required when 'Influx:Password' is set", describeOrigin, errors);
        }
    }
}
