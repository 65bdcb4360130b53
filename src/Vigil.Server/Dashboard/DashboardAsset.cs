namespace Vigil.Server.Dashboard;

/// <summary>One file of the dashboard, embedded in the server assembly: its bytes, content type and validator.</summary>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The media type with its charset.</param>
/// <param name="ETag">A strong validator from the content's hash, so a reload costs a 304.</param>
internal sealed record DashboardAsset(byte[] Content, string ContentType, string ETag);
