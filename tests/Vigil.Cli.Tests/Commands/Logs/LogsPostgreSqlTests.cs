using Vigil.Cli.Tests.Support;
using Vigil.Model;
using Vigil.Storage;
using Vigil.Storage.PostgreSql;
using Vigil.Testing.PostgreSql;

namespace Vigil.Cli.Tests.Commands.Logs;

/// <summary>`vigil logs --store postgres://...` (and VIGIL_STORE) on a real PostgreSQL server, never showing the password.</summary>
public sealed class LogsPostgreSqlTests : IAsyncLifetime
{
    private readonly CliHarness _cli = new();
    private string _database = "";

    private static PostgreSqlTestCluster Cluster => PostgreSqlTestCluster.Shared;

    public async Task InitializeAsync() => _database = await Cluster.CreateDatabaseAsync();

    public Task DisposeAsync() => Cluster.DropDatabaseAsync(_database);

    private string Url(string password) => $"postgres://{PostgreSqlTestCluster.User}:{password}@127.0.0.1:{Cluster.Port}/{_database}";

    [Fact]
    public async Task Logs_StoreIsAPostgresUrl_PrintsTheRecordsWrittenThere()
    {
        // Arrange: a server's store on the database.
        await using (var store = PostgreSqlTelemetryStore.Open(Url(Cluster.Password)))
        {
            await store.WriteAsync(new TelemetryBatch
            {
                Logs = [Some.Log("first in postgres", CliHarness.Now.AddMinutes(-2)), Some.Log("second in postgres", CliHarness.Now.AddSeconds(-5))],
            });
        }

        // Act
        var run = await _cli.RunAsync("logs", "--store", Url(Cluster.Password));

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("first in postgres", lines[0].TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("second in postgres", lines[1].TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain(Cluster.Password, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_StoreFromEnvironmentWithPasswordFile_ReadsTheDatabase()
    {
        // Arrange
        await using (var store = PostgreSqlTelemetryStore.Open(Url(Cluster.Password)))
        {
            await store.WriteAsync(new TelemetryBatch { Logs = [Some.Log("found through VIGIL_STORE", CliHarness.Now.AddSeconds(-5))] });
        }

        using var directory = new TempDirectory();
        directory.Write("password", Cluster.Password);
        _cli.Environment[StorePaths.EnvironmentVariable] = $"Host=127.0.0.1;Port={Cluster.Port};Database={_database};Username={PostgreSqlTestCluster.User}";

        // Act: the engine reads the password file named by the process environment.
        Environment.SetEnvironmentVariable("VIGIL_STORE_PASSWORD_FILE", directory.Combine("password"));
        CliRun run;
        try
        {
            run = await _cli.RunAsync("logs");
        }
        finally
        {
            Environment.SetEnvironmentVariable("VIGIL_STORE_PASSWORD_FILE", null);
        }

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("found through VIGIL_STORE", run.Stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_WrongPassword_ExitTwoWithAClearErrorThatNeverShowsThePassword()
    {
        // Arrange
        const string Wrong = "wrong-password-0815";

        // Act
        var run = await _cli.RunAsync("logs", "--store", Url(Wrong));

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("password authentication failed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"postgres://127.0.0.1:{Cluster.Port}/{_database}", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Wrong, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
