using System.Globalization;
using Npgsql;

namespace Vigil.Storage.PostgreSql;

/// <summary>
/// The one reader of what names a PostgreSQL store: a <c>postgres://user:password@host:port/database?sslmode=...</c>
/// URL or an Npgsql connection string. The password may be in it, or come from the file
/// <c>VIGIL_STORE_PASSWORD_FILE</c> names, or (Npgsql's own rules) from <c>PGPASSWORD</c>, <c>PGPASSFILE</c> or
/// <c>~/.pgpass</c>. Errors never repeat the text given, since it may hold the password.
/// </summary>
internal static class PostgreSqlConnectionString
{
    /// <summary>The environment variable naming a file whose content is the database password.</summary>
    public const string PasswordFileVariable = "VIGIL_STORE_PASSWORD_FILE";

    public static NpgsqlConnectionStringBuilder Parse(string text, Func<string, string?> getEnvironmentVariable)
    {
        var trimmed = text.Trim();
        var builder = trimmed.Contains("://", StringComparison.Ordinal) ? FromUrl(trimmed) : FromConnectionString(trimmed);
        if (string.IsNullOrEmpty(builder.Password) && getEnvironmentVariable(PasswordFileVariable) is { Length: > 0 } file)
        {
            try
            {
                builder.Password = File.ReadAllText(file).TrimEnd('\r', '\n');
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new StoreException(Describe(builder), $"Could not read the password file {PasswordFileVariable} names ('{file}'): {exception.Message}", exception);
            }
        }

        return builder;
    }

    /// <summary>The database as host, port and name, for messages and <see cref="IStore.Location"/>: never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        string.Create(CultureInfo.InvariantCulture, $"postgres://{builder.Host}:{builder.Port}/{builder.Database}");

    private static NpgsqlConnectionStringBuilder FromConnectionString(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException exception)
        {
            // The message names the setting at fault; the text itself may hold the password.
            throw new StoreException(
                $"The PostgreSQL connection string given as the store is not valid ({exception.Message}). Use Host=...;Database=...;Username=... or a postgres:// URL.",
                null);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) ||
            !(uri.Scheme.Equals("postgres", StringComparison.OrdinalIgnoreCase) || uri.Scheme.Equals("postgresql", StringComparison.OrdinalIgnoreCase)) ||
            string.IsNullOrEmpty(uri.Host))
        {
            throw new StoreException("The store URL is not a valid postgres://[user[:password]@]host[:port]/database URL.", null);
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                // libpq's names where they differ from Npgsql's; any other Npgsql setting by its own name.
                builder[key switch
                {
                    "sslmode" => "SSL Mode",
                    "application_name" => "Application Name",
                    "connect_timeout" => "Timeout",
                    "passfile" => "Passfile",
                    "search_path" => "Search Path",
                    _ => key,
                }] = value;
            }
            catch (ArgumentException exception)
            {
                throw new StoreException($"The store URL's setting '{key}' is not valid: {exception.Message}", null);
            }
        }

        return builder;
    }
}
