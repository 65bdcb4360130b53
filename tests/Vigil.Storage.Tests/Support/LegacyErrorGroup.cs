using Vigil.Model;

namespace Vigil.Storage.Tests.Support;

/// <summary>An error group as rows of an old store: the group, its events (which give its hourly counts), and the exception id its events carry.</summary>
internal sealed record LegacyErrorGroup(ErrorGroup Group, IReadOnlyList<ErrorEvent> Events, string? ExceptionId = null);
