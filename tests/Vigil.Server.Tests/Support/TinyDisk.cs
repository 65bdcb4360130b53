using System.Diagnostics;
using System.Globalization;

namespace Vigil.Server.Tests.Support;

/// <summary>
/// A real, small file system: a tmpfs of a few MiB mounted on a temp folder, so the store meets a full disk the way it
/// does in production (SQLITE_FULL), and <see cref="GrowAsync"/> frees space without touching the store. Mounting needs
/// root (CAP_SYS_ADMIN); <see cref="TryMountAsync"/> returns null where that is not allowed.
/// </summary>
internal sealed class TinyDisk : IAsyncDisposable
{
    private TinyDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<TinyDisk?> TryMountAsync(int megabytes)
    {
        var path = Directory.CreateTempSubdirectory("vigil-tiny-disk-").FullName;
        if (await RunAsync("mount", "-t", "tmpfs", "-o", Size(megabytes), "tmpfs", path).ConfigureAwait(false) == 0)
        {
            return new TinyDisk(path);
        }

        Directory.Delete(path);
        return null;
    }

    /// <summary>Makes the disk larger in place, as freeing space on a full disk would.</summary>
    public async Task GrowAsync(int megabytes) =>
        Assert.Equal(0, await RunAsync("mount", "-o", "remount," + Size(megabytes), Path).ConfigureAwait(false));

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", Path).ConfigureAwait(false);
        Directory.Delete(Path, recursive: true);
    }

    private static string Size(int megabytes) => string.Create(CultureInfo.InvariantCulture, $"size={megabytes}m");

    private static async Task<int> RunAsync(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
            await process.WaitForExitAsync().DefaultTimeout().ConfigureAwait(false);
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
