namespace Vigil.Storage.Configuration;

/// <summary>Marks a list whose configuration may also be one plain value, read as a list of that one value (<c>"ExpectedStatus": 200</c>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class SingleValueListAttribute : Attribute;
