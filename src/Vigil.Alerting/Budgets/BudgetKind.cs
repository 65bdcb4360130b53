namespace Vigil.Alerting.Budgets;

/// <summary>What a budget's runs are, by the key that names them in the budget file.</summary>
public enum BudgetKind
{
    /// <summary><c>"command"</c>: <c>vigil exec</c> runs, by task name.</summary>
    Command,

    /// <summary><c>"build"</c>: whole MSBuild builds (the logger's build span), by the file built (<c>App.sln</c>).</summary>
    Build,

    /// <summary><c>"project"</c>: MSBuild project spans, by project file name (<c>Lib.csproj</c>).</summary>
    Project,

    /// <summary><c>"operation"</c>: tracked operations (<c>vigil.operation.duration</c>'s spans), by operation name.</summary>
    Operation,

    /// <summary><c>"span"</c>: any span, by name, usually with <c>"service"</c>.</summary>
    Span,
}
