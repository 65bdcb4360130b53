namespace Vigil.Testing.PostgreSql;

/// <summary>
/// Finds the PostgreSQL server programs (initdb, pg_ctl) that scripts/prerequisites.sh installs: Debian keeps them in
/// /usr/lib/postgresql/VERSION/bin, off the PATH; elsewhere they are on the PATH.
/// </summary>
internal static class PostgreSqlBinaries
{
    public static string FindDirectory()
    {
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Where(directory => File.Exists(Path.Combine(directory, "bin", "initdb")))
                .OrderByDescending(directory => int.TryParse(Path.GetFileName(directory), out var version) ? version : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return Path.Combine(newest, "bin");
            }
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }

        // A clear failure, never a silent skip: the PostgreSQL tests are part of the suite.
        throw new InvalidOperationException(
            "The PostgreSQL server programs (initdb, pg_ctl) were not found in /usr/lib/postgresql/*/bin or on the PATH. " +
            "Install them with `bash scripts/prerequisites.sh` (Debian's postgresql package).");
    }
}
