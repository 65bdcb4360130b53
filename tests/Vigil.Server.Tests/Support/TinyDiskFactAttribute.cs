namespace Vigil.Server.Tests.Support;

/// <summary>
/// A test that needs a <see cref="TinyDisk"/>: reported as skipped, not passed, where the tests do not run as root and
/// so cannot mount one. As root (CI, the development machines here) it runs, and a mount that fails fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class TinyDiskFactAttribute : FactAttribute
{
    public TinyDiskFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "Mounting the tmpfs this test needs takes root on Linux.";
        }
    }
}
