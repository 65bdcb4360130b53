using System.ComponentModel.DataAnnotations;

namespace Vigil;

/// <summary>Settings of the rolling file sink (configuration section <c>File</c>).</summary>
public sealed class FileSinkOptions
{
    /// <summary>The default size at which the current file is rolled: 10 MB.</summary>
    public const long DefaultMaxFileSizeBytes = 10 * 1024 * 1024;

    /// <summary>The default number of files kept, the current one included.</summary>
    public const int DefaultMaxFiles = 5;

    /// <summary>The default path of the current file, relative to the working directory.</summary>
    public const string DefaultPath = ".vigil/logs/vigil.jsonl";

    /// <summary>Whether log records are written to JSON-lines files. Default: <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The current file. Rolled files sit beside it as <c>name.1.jsonl</c>, <c>name.2.jsonl</c>, and so on.</summary>
    [Required]
    public string Path { get; set; } = DefaultPath;

    /// <summary>The size in bytes past which the current file is rolled. Default: 10 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxFileSizeBytes { get; set; } = DefaultMaxFileSizeBytes;

    /// <summary>How many files are kept, the current one included. Default: 5.</summary>
    [Range(1, 1000)]
    public int MaxFiles { get; set; } = DefaultMaxFiles;
}
