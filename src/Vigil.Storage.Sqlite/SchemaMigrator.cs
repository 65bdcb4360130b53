using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Vigil.Model.Json;

namespace Vigil.Storage.Sqlite;

/// <summary>
/// Brings a store file to the newest schema by running the embedded <c>Schema/NNN.Name.sql</c>
/// scripts it has not run yet. The version lives in <c>PRAGMA user_version</c>, inside the same
/// transaction as the scripts, so a failed upgrade leaves the file as it was. The same transaction
/// stamps <see cref="ApplicationId"/>, which is how a Vigil store is told from another program's
/// database (see <see cref="StoreFileInspector"/>).
/// </summary>
internal static partial class SchemaMigrator
{
    /// <summary>
    /// Vigil's mark in the SQLite header (<c>PRAGMA application_id</c>): the bytes "VIGL".
    /// https://www.sqlite.org/pragma.html#pragma_application_id
    /// </summary>
    public const int ApplicationId = 0x5649474C;

    /// <summary>
    /// The newest schema a Vigil store may have without <see cref="ApplicationId"/>: stores written
    /// before the mark existed, recognised by their tables instead. Fixed; later schemas are always marked.
    /// </summary>
    public const int LastUnmarkedVersion = 7;

    private const string ResourcePrefix = "Vigil.Storage.Schema.";

    public static IReadOnlyList<SchemaMigration> Migrations { get; } = Load();

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>The tables the scripts up to <paramref name="version"/> create (none of them drop one).</summary>
    public static HashSet<string> TablesUpTo(int version)
    {
        var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var migration in Migrations.Where(m => m.Version <= version))
        {
            foreach (Match match in CreateTable().Matches(migration.Script))
            {
                tables.Add(match.Groups["name"].Value);
            }
        }

        return tables;
    }

    public static int ReadApplicationId(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA application_id;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Upgrades to <paramref name="targetVersion"/> (the latest by default).</summary>
    /// <returns>The version the file had before.</returns>
    public static int Migrate(SqliteConnection connection, string path, int? targetVersion = null)
    {
        var target = targetVersion ?? LatestVersion;
        var before = ReadVersion(connection);
        ThrowIfNewer(before, path);
        if (before >= target && ReadApplicationId(connection) == ApplicationId)
        {
            return before;
        }

        // BEGIN IMMEDIATE: when two processes create the store at once, the second waits here
        // and then sees the first one's version, instead of running the scripts twice.
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = ReadVersion(connection);
        ThrowIfNewer(current, path);
        RegisterFunctions(connection);
        foreach (var migration in Migrations)
        {
            if (migration.Version <= current || migration.Version > target)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = migration.Script;
            command.ExecuteNonQuery();
        }

        using (var setVersion = connection.CreateCommand())
        {
            setVersion.Transaction = transaction;
            // PRAGMA takes no parameters; the values are our own integers. A store written before the
            // mark existed gets it here, from its first writer of this version.
            setVersion.CommandText = string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA user_version = {Math.Max(current, target)}; PRAGMA application_id = {ApplicationId};");
            setVersion.ExecuteNonQuery();
        }

        transaction.Commit();
        return current;
    }

    /// <summary>What scripts compute in C#: version 8 rebuilds the contentless full-text index from the stored rows.</summary>
    private static void RegisterFunctions(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?, string, string>(
            "vigil_search_terms",
            static (body, traceId, attributes) => SearchTokens.For(body, traceId, AttributeJson.Deserialize(attributes)),
            isDeterministic: true);

    public static void ThrowIfNewer(int version, string path)
    {
        if (version > LatestVersion)
        {
            throw new StoreVersionException(
                path,
                $"The store '{path}' has schema version {version}, newer than this Vigil understands ({LatestVersion}). Update Vigil.",
                null);
        }
    }

    [GeneratedRegex(@"CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?<name>\w+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CreateTable();

    private static SchemaMigration[] Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<SchemaMigration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = name[ResourcePrefix.Length..];
            var version = int.Parse(fileName.AsSpan(0, fileName.IndexOf('.', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            migrations.Add(new SchemaMigration(version, fileName, ReadScript(assembly, name)));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema scripts must be numbered 1, 2, 3... without gaps; found {migrations[i].Name}.");
            }
        }

        return [.. migrations];
    }

    private static string ReadScript(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
