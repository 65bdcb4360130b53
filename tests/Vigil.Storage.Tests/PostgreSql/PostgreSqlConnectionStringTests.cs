using Vigil.Storage.PostgreSql;

namespace Vigil.Storage.Tests.PostgreSql;

/// <summary>The one reader of a PostgreSQL store's name: URLs, connection strings, the password's sources, and hostile text.</summary>
public sealed class PostgreSqlConnectionStringTests
{
    private const string Secret = "s3cr3t-Pa55";

    [Fact]
    public void Parse_Url_TakesEveryPart()
    {
        // Act
        var builder = PostgreSqlConnectionString.Parse($"postgres://ops:{Secret}@db.internal:6543/telemetry?sslmode=require&application_name=vigil", _ => null);

        // Assert
        Assert.Equal("db.internal", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("telemetry", builder.Database);
        Assert.Equal("ops", builder.Username);
        Assert.Equal(Secret, builder.Password);
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal("vigil", builder.ApplicationName);
        Assert.Equal("postgres://db.internal:6543/telemetry", PostgreSqlConnectionString.Describe(builder));
    }

    [Fact]
    public void Parse_UrlWithEscapedPassword_Unescapes()
    {
        // Act
        var builder = PostgreSqlConnectionString.Parse("postgresql://ops:p%40ss%3Aw%2Frd@db/vigil", _ => null);

        // Assert
        Assert.Equal("p@ss:w/rd", builder.Password);
        Assert.Equal(5432, builder.Port);
    }

    [Fact]
    public void Parse_ConnectionString_AsNpgsqlReadsIt()
    {
        // Act
        var builder = PostgreSqlConnectionString.Parse($"Host=db;Port=5433;Database=vigil;Username=ops;Password={Secret};Maximum Pool Size=7", _ => null);

        // Assert
        Assert.Equal(("db", 5433, "vigil", Secret, 7), (builder.Host, builder.Port, builder.Database, builder.Password, builder.MaxPoolSize));
    }

    [Fact]
    public void Parse_NoPasswordAndAPasswordFile_ReadsTheFile()
    {
        // Arrange
        using var directory = new TempDirectory();
        directory.Write("pw", Secret + "\n");

        // Act
        var builder = PostgreSqlConnectionString.Parse("postgres://ops@db/vigil", name => name == PostgreSqlConnectionString.PasswordFileVariable ? directory.Combine("pw") : null);

        // Assert
        Assert.Equal(Secret, builder.Password);
    }

    [Fact]
    public void Parse_PasswordInUrlAndAPasswordFile_UrlWins()
    {
        // Act
        var builder = PostgreSqlConnectionString.Parse($"postgres://ops:{Secret}@db/vigil", _ => "/nonexistent/file");

        // Assert
        Assert.Equal(Secret, builder.Password);
    }

    [Fact]
    public void Parse_MissingPasswordFile_ClearErrorNamingTheVariable()
    {
        // Act
        var error = Assert.Throws<StoreException>(() => PostgreSqlConnectionString.Parse("postgres://ops@db/vigil", _ => "/nonexistent/vigil-pw"));

        // Assert
        Assert.Contains(PostgreSqlConnectionString.PasswordFileVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/vigil-pw", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres://ops:" + Secret + "@/vigil")]
    [InlineData("postgres://ops:" + Secret + "@db:notaport/vigil")]
    [InlineData("postgres://ops:" + Secret + "@db/vigil?nosuchsetting=1")]
    [InlineData("postgres://ops:" + Secret + "@db/vigil?sslmode=sometimes")]
    [InlineData("Host=db;Password=" + Secret + ";Port=banana")]
    [InlineData("Host=db;Password=" + Secret + ";No Such Key=1")]
    public void Parse_Malformed_StoreExceptionThatNeverHoldsThePassword(string text)
    {
        // Act
        var error = Assert.ThrowsAny<StoreException>(() => PostgreSqlConnectionString.Parse(text, _ => null));

        // Assert
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(error.Message);
    }

    [Fact]
    public void Parse_OversizedUrl_StoreExceptionWithoutEchoingIt()
    {
        // Arrange
        var text = "postgres://ops:" + Secret + "@db/" + new string('x', 100_000) + "?application_name=" + new string('y', 100_000);

        // Act: either a usable builder or a clear error; never the text back.
        var error = Record.Exception(() => PostgreSqlConnectionString.Parse(text + "&nosuch=1", _ => null));

        // Assert
        Assert.IsAssignableFrom<StoreException>(error);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.True(error.Message.Length < 1_000, $"message of {error.Message.Length} characters");
    }
}
