namespace Vigil.Cli.Parsing;

/// <summary>A parser that explains its failures (the error does not name the option).</summary>
internal delegate bool TryParseValue<T>(string text, out T value, out string? error);
