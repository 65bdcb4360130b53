namespace Vigil;

/// <summary>Whether pretty console output is coloured.</summary>
public enum ConsoleColorMode
{
    /// <summary>Colour when writing to a terminal and <c>NO_COLOR</c> is not set.</summary>
    Auto,

    /// <summary>Always write ANSI colour codes.</summary>
    Always,

    /// <summary>Never write ANSI colour codes.</summary>
    Never,
}
