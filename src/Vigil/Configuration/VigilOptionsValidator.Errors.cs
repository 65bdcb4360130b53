using Vigil.Storage;

namespace Vigil.Configuration;

internal static partial class VigilOptionsValidator
{
    /// <summary>The <c>Errors</c> section is checked by the rules the server's configuration file is checked by.</summary>
    private static void ValidateErrors(ErrorsOptions errorsOptions, Func<string, string> describeOrigin, List<string> errors) =>
        errors.AddRange(ErrorTrackingSectionValidator.Check(ErrorTrackingOptionsMapper.ToSection(errorsOptions)).Select(p => VigilOptionsLoader.Render(p, describeOrigin)));
}
