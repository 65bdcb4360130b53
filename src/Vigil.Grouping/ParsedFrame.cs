namespace Vigil.Grouping;

/// <summary>One stack frame reduced to what grouping uses: a stable name and, where the format tells, whether it is library code.</summary>
/// <param name="Name">Normalized <c>Namespace.Type.Function</c> (or <c>module.function</c>): no line, file, arity or compiler-generated names.</param>
/// <param name="InAppHint">False when the location says library or runtime (site-packages, node_modules, GOROOT); null when only prefixes decide.</param>
internal sealed record ParsedFrame(string Name, bool? InAppHint);
