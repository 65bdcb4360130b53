using System.ComponentModel;
using Vigil.Model.Text;
using Vigil.Server.Disk;
using Vigil.Storage.Configuration;

namespace Vigil.Server.Configuration;

/// <summary>
/// The configuration file's <c>DiskGuard</c> section: the free-space floor of the store's disk (see docs/server.md).
/// Nothing set, the floor is 1 GiB or 5 % of the disk, whichever is smaller.
/// </summary>
[Description("the disk guard settings")]
internal sealed class DiskGuardSection
{
    // A floor past a pebibyte is a typo, not a disk.
    private const long MaxMinFreeBytes = 1L << 50;

    /// <summary>Whether the guard runs (default true).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The floor in bytes, in the byte-size grammar (<c>"1GiB"</c>, <c>"500MB"</c>, or a number of bytes).</summary>
    public string? MinFreeBytes { get; set; }

    /// <summary>The floor as a percentage of the disk's size (e.g. <c>5</c>).</summary>
    public double? MinFreePercent { get; set; }

    /// <summary>Whether the oldest data is deleted to get back above the floor before ingest is refused (default true).</summary>
    public bool? DropOldest { get; set; }

    /// <summary>How often free space is measured (default 1 second).</summary>
    public TimeSpan? Interval { get; set; }

    public IEnumerable<ConfigurationProblem> Validate(string path)
    {
        if (MinFreeBytes is not null && (Bytes() is not { } bytes || bytes > MaxMinFreeBytes))
        {
            yield return new($"{path}:MinFreeBytes", $"'{Shown(MinFreeBytes)}' is not allowed: a size up to 1 PiB, {ByteSizeGrammar.Allowed}");
        }

        if (MinFreePercent is { } percent && percent is < 0 or > 50)
        {
            yield return new($"{path}:MinFreePercent", $"{percent} is not allowed: a percentage of the disk from 0 to 50, e.g. 5");
        }

        if (Interval is { } interval && (interval < TimeSpan.FromMilliseconds(100) || interval > TimeSpan.FromMinutes(1)))
        {
            yield return new($"{path}:Interval", "is not allowed: a duration from 100ms to 1m, e.g. \"1s\"");
        }
    }

    public DiskGuardOptions ToOptions() => new()
    {
        Enabled = Enabled ?? true,
        MinFreeBytes = Bytes(),
        MinFreePercent = MinFreePercent,
        DropOldest = DropOldest ?? true,
        Interval = Interval ?? DiskGuardOptions.DefaultInterval,
    };

    private long? Bytes() => MinFreeBytes is not null && ByteSizeGrammar.TryParse(MinFreeBytes, out var bytes) ? bytes : null;

    // The value goes into the message; a long or unprintable one is not repeated.
    private static string Shown(string text) => text.Length <= 40 && !text.Any(char.IsControl) ? text : "(long or unprintable)";
}
