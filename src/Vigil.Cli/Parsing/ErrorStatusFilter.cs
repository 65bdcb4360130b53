namespace Vigil.Cli.Parsing;

/// <summary>What <c>vigil errors --status</c> selects: one status, or every group.</summary>
internal enum ErrorStatusFilter
{
    /// <summary>Groups that need attention (the default).</summary>
    Unresolved,

    /// <summary>Groups marked fixed.</summary>
    Resolved,

    /// <summary>Silenced groups.</summary>
    Ignored,

    /// <summary>Every group whatever its status.</summary>
    All,
}
