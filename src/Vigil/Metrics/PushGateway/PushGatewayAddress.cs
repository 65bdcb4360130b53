namespace Vigil.Metrics.PushGateway;

/// <summary>
/// The address of one group on a Pushgateway, <c>{gateway}/metrics/job/{job}/instance/{instance}</c>, each value one path
/// segment by the gateway's rules (https://github.com/prometheus/pushgateway#url): percent-escaped, or, when it holds a
/// <c>/</c>, is empty, or is <c>.</c> or <c>..</c> (which a URL would resolve away), as <c>job@base64/{value}</c> in
/// base64url (RFC 4648 §5; an empty value is <c>=</c>).
/// </summary>
internal static class PushGatewayAddress
{
    public static Uri For(Uri gateway, string job, string instance) =>
        new(gateway.AbsoluteUri.TrimEnd('/') + "/metrics" + Segment("job", job) + Segment("instance", instance));

    private static string Segment(string label, string value)
    {
        if (value.Length == 0)
        {
            return $"/{label}@base64/=";
        }

        if (value.Contains('/', StringComparison.Ordinal) || value is "." or "..")
        {
            var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)).Replace('+', '-').Replace('/', '_');
            return $"/{label}@base64/{base64}";
        }

        return $"/{label}/{Uri.EscapeDataString(value)}";
    }
}
