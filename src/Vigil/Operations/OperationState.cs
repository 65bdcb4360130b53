using System.Diagnostics;

namespace Vigil.Operations;

/// <summary>What is known about a running operation; a struct, so tracking one allocates nothing of its own.</summary>
internal readonly record struct OperationState(string Name, Activity? Activity, long StartTimestamp, long AllocatedBytesAtStart, int ThreadId);
