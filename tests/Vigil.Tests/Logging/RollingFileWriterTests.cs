using System.Text;
using Vigil.Logging;
using Vigil.Tests.Support;

namespace Vigil.Tests.Logging;

public sealed class RollingFileWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string CurrentPath => _temp.Combine("app.jsonl");

    private string RolledPath(int index) => _temp.Combine($"app.{index}.jsonl");

    /// <summary>A line of exactly <paramref name="length"/> bytes, line feed included, tagged so it can be found.</summary>
    private static byte[] Line(string tag, int length) =>
        Encoding.UTF8.GetBytes(tag + new string('.', length - tag.Length - 1) + "\n");

    [Fact]
    public void WriteLine_FillsExactlyToLimit_StaysInOneFile()
    {
        // Arrange
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 100, maxFiles: 3))
        {
            // Act
            writer.WriteLine(Line("a", 60));
            writer.WriteLine(Line("b", 40));
        }

        // Assert
        Assert.Equal(["app.jsonl"], _temp.FileNames());
        Assert.Equal(100, new FileInfo(CurrentPath).Length);
    }

    [Fact]
    public void WriteLine_OneByteOverLimit_RollsBeforeWriting()
    {
        // Arrange
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 100, maxFiles: 3))
        {
            // Act
            writer.WriteLine(Line("a", 60));
            writer.WriteLine(Line("b", 41));
        }

        // Assert
        Assert.Equal(["app.1.jsonl", "app.jsonl"], _temp.FileNames());
        Assert.Equal(Line("a", 60), File.ReadAllBytes(RolledPath(1)));
        Assert.Equal(Line("b", 41), File.ReadAllBytes(CurrentPath));
    }

    [Fact]
    public void WriteLine_LineLongerThanLimit_GoesWholeIntoAFreshFile()
    {
        // Arrange
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 100, maxFiles: 5))
        {
            // Act
            writer.WriteLine(Line("small1", 10));
            writer.WriteLine(Line("huge", 250));
            writer.WriteLine(Line("small2", 10));
        }

        // Assert
        Assert.Equal(["app.1.jsonl", "app.2.jsonl", "app.jsonl"], _temp.FileNames());
        Assert.Equal(Line("small1", 10), File.ReadAllBytes(RolledPath(2)));
        Assert.Equal(Line("huge", 250), File.ReadAllBytes(RolledPath(1)));
        Assert.Equal(Line("small2", 10), File.ReadAllBytes(CurrentPath));
    }

    [Fact]
    public void WriteLine_MoreRollsThanFiles_KeepsNewestFilesAndDeletesOldest()
    {
        // Arrange: each line fills a file, so every line after the first rolls.
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 100, maxFiles: 3))
        {
            // Act
            for (var i = 0; i < 6; i++)
            {
                writer.WriteLine(Line($"n{i}", 100));
            }
        }

        // Assert
        Assert.Equal(["app.1.jsonl", "app.2.jsonl", "app.jsonl"], _temp.FileNames());
        Assert.Equal(Line("n3", 100), File.ReadAllBytes(RolledPath(2)));
        Assert.Equal(Line("n4", 100), File.ReadAllBytes(RolledPath(1)));
        Assert.Equal(Line("n5", 100), File.ReadAllBytes(CurrentPath));
    }

    [Fact]
    public void WriteLine_OneFileAllowed_KeepsOnlyTheCurrentFile()
    {
        // Arrange
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 100, maxFiles: 1))
        {
            // Act
            writer.WriteLine(Line("old", 80));
            writer.WriteLine(Line("new", 80));
        }

        // Assert
        Assert.Equal(["app.jsonl"], _temp.FileNames());
        Assert.Equal(Line("new", 80), File.ReadAllBytes(CurrentPath));
    }

    [Fact]
    public void WriteLine_ExistingFileNearLimit_CountsItsSizeAndRolls()
    {
        // Arrange
        File.WriteAllBytes(CurrentPath, Line("before", 90));

        // Act
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 100, maxFiles: 3))
        {
            writer.WriteLine(Line("after", 20));
        }

        // Assert
        Assert.Equal(Line("before", 90), File.ReadAllBytes(RolledPath(1)));
        Assert.Equal(Line("after", 20), File.ReadAllBytes(CurrentPath));
    }

    [Fact]
    public void WriteLine_ExistingFileEndsMidLine_EndsItFirst()
    {
        // Arrange
        File.WriteAllText(CurrentPath, "{\"complete\":1}\n{\"cut");

        // Act
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 1000, maxFiles: 3))
        {
            writer.WriteLine("{\"next\":2}\n"u8);
        }

        // Assert
        Assert.Equal("{\"complete\":1}\n{\"cut\n{\"next\":2}\n", File.ReadAllText(CurrentPath));
    }

    [Fact]
    public void WriteLine_MissingDirectory_CreatesIt()
    {
        // Arrange
        var path = _temp.Combine("a", "b", "app.jsonl");

        // Act
        using (var writer = new RollingFileWriter(path, maxFileSizeBytes: 1000, maxFiles: 3))
        {
            writer.WriteLine("{}\n"u8);
        }

        // Assert
        Assert.Equal("{}\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteLine_WithoutLineFeed_Throws()
    {
        // Arrange
        using var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 1000, maxFiles: 3);

        // Act, Assert
        Assert.Throws<ArgumentException>(() => writer.WriteLine("{}"u8));
    }

    [Fact]
    public void WriteLine_ManyThreadsWhileRolling_KeepsEveryLineWhole()
    {
        // Arrange
        const int Threads = 8;
        const int PerThread = 2000;
        using (var writer = new RollingFileWriter(CurrentPath, maxFileSizeBytes: 64 * 1024, maxFiles: 1000))
        {
            using var start = new Barrier(Threads);

            // Act
            var threads = Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    writer.WriteLine(Encoding.UTF8.GetBytes($"{{\"thread\":{thread},\"index\":{i},\"pad\":\"{new string('p', i % 97)}\"}}\n"));
                }
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());
        }

        // Assert
        var files = _temp.FileNames();
        Assert.True(files.Length > 1, "rotation should have happened");
        var seen = files
            .SelectMany(name => JsonLines.Parse(_temp.Combine(name)))
            .Select(line => (line.GetProperty("thread").GetInt32(), line.GetProperty("index").GetInt32()))
            .ToList();
        Assert.Equal(Threads * PerThread, seen.Count);
        Assert.Equal(Threads * PerThread, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/logs/vigil.jsonl", 1, "/logs/vigil.1.jsonl")]
    [InlineData("/logs/vigil.jsonl", 12, "/logs/vigil.12.jsonl")]
    [InlineData("/logs/vigil", 2, "/logs/vigil.2")]
    public void GetRolledPath_Index_InsertsIndexBeforeExtension(string path, int index, string expected)
    {
        // Act
        var rolled = RollingFileWriter.GetRolledPath(path, index);

        // Assert
        Assert.Equal(expected, rolled);
    }
}
