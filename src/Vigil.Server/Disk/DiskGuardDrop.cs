using Vigil.Storage;

namespace Vigil.Server.Disk;

/// <summary>When the disk guard last dropped the oldest data to make room, and what went.</summary>
internal sealed record DiskGuardDrop(DateTimeOffset Time, RetentionResult Result);
