namespace Vigil.Cli.Commands.Push;

/// <summary>What one signal's stream sent in a run.</summary>
internal sealed class PushSignalSummary
{
    /// <summary>Records the server stored.</summary>
    public long Sent { get; set; }

    /// <summary>Records the server refused as invalid (the position moved past them).</summary>
    public long Rejected { get; set; }

    /// <summary>Requests that stored a batch.</summary>
    public int Batches { get; set; }

    /// <summary>Batches the server already had (sent by an earlier run that stopped before it heard the answer).</summary>
    public int AlreadyStored { get; set; }

    /// <summary>The stream's position on the server when the run began.</summary>
    public long StartPosition { get; set; }

    /// <summary>The stream's position on the server when the run ended.</summary>
    public long Position { get; set; }

    /// <summary>The first reason the server gave for refusing a record.</summary>
    public string? RejectedReason { get; set; }
}
