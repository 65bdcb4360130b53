using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Vigil.Testing.PostgreSql;

/// <summary>
/// A private, throwaway PostgreSQL cluster for the tests: initdb into a temp folder, started with pg_ctl on 127.0.0.1
/// and a free port, once per test process, stopped and deleted when the process exits. Each test asks it for a fresh
/// database. initdb refuses to run as root (CI runs as root), so there it runs as the <c>postgres</c> user the Debian
/// package creates. Password authentication (SCRAM) on TCP, so tests can see a wrong password refused.
/// </summary>
public sealed class PostgreSqlTestCluster : IDisposable
{
    private const string SuperUser = "vigil";

    private static readonly Lazy<PostgreSqlTestCluster> s_shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _binaries;
    private readonly string _dataDirectory;
    private readonly string? _runAs;

    private PostgreSqlTestCluster(string binaries, string dataDirectory, string? runAs, int port, string password)
    {
        _binaries = binaries;
        _dataDirectory = dataDirectory;
        _runAs = runAs;
        Port = port;
        Password = password;
    }

    /// <summary>
    /// A cluster of the caller's own, for a test that stops and starts the server (<see cref="StopServer"/>), which
    /// the shared one must never do under other tests; dispose it to stop and delete it.
    /// </summary>
    public static PostgreSqlTestCluster StartPrivate() => Start();

    /// <summary>Stops the server (fast shutdown: sessions are ended, as in a restart); the data stays.</summary>
    public void StopServer() => Run(_binaries, _runAs, "pg_ctl", "-D", _dataDirectory, "-m", "fast", "-w", "stop");

    /// <summary>Starts the server again on the same port and data, after <see cref="StopServer"/>.</summary>
    public void StartServer() => StartProcess(_binaries, _runAs, _dataDirectory, Port);

    /// <inheritdoc />
    public void Dispose() => Stop();

    /// <summary>The one cluster of this test process, started on first use.</summary>
    public static PostgreSqlTestCluster Shared => s_shared.Value;

    public int Port { get; }

    /// <summary>The superuser's password (random per run).</summary>
    public string Password { get; }

    /// <summary>The superuser's name.</summary>
    public static string User => SuperUser;

    /// <summary>The Npgsql connection string of <paramref name="database"/>, with the password.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Password = Password,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates a new, empty database and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "vigil_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what is still connected to it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgreSqlTestCluster Start()
    {
        var binaries = PostgreSqlBinaries.FindDirectory();
        string? runAs = Environment.IsPrivilegedProcess ? "postgres" : null;
        // Under /tmp itself: the postgres user must be able to create it when the tests run as root.
        var dataDirectory = Path.Combine(Path.GetTempPath(), "vigil-pg-" + Guid.NewGuid().ToString("N"));
        var password = Guid.NewGuid().ToString("N");
        var passwordFile = Path.Combine(Path.GetTempPath(), "vigil-pg-" + Guid.NewGuid().ToString("N") + ".pw");
        File.WriteAllText(passwordFile, password);
        try
        {
            Run(binaries, runAs, "initdb", "-D", dataDirectory, "-U", SuperUser, "--pwfile", passwordFile,
                "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        }
        finally
        {
            File.Delete(passwordFile);
        }

        var port = FreePort();
        StartProcess(binaries, runAs, dataDirectory, port);
        var cluster = new PostgreSqlTestCluster(binaries, dataDirectory, runAs, port, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private static void StartProcess(string binaries, string? runAs, string dataDirectory, int port)
    {
        // A throwaway cluster: durability across a power cut is not what these tests check.
        var settings = string.Join(' ',
            "-c listen_addresses=127.0.0.1", $"-c port={port.ToString(CultureInfo.InvariantCulture)}",
            $"-c unix_socket_directories={dataDirectory}", "-c fsync=off", "-c full_page_writes=off",
            "-c max_connections=300");
        Run(binaries, runAs, "pg_ctl", "-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "120", "-o", settings, "start");
    }

    private void Stop()
    {
        if (!Directory.Exists(_dataDirectory))
        {
            return;
        }

        try
        {
            NpgsqlConnection.ClearAllPools();
            Run(_binaries, _runAs, "pg_ctl", "-D", _dataDirectory, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped (a test's StopServer with no StartServer after it): nothing to stop.
        }
        finally
        {
            if (Directory.Exists(_dataDirectory))
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string binaries, string? runAs, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (runAs is null)
        {
            start.FileName = Path.Combine(binaries, program);
        }
        else
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", runAs, "--", Path.Combine(binaries, program)])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
