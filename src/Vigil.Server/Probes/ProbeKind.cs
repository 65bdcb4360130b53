namespace Vigil.Server.Probes;

/// <summary>What a synthetic probe does.</summary>
public enum ProbeKind
{
    /// <summary>Sends an HTTP request and checks the status, the body, the latency and the TLS certificate.</summary>
    Http = 0,

    /// <summary>Opens a TCP connection.</summary>
    Tcp = 1,

    /// <summary>Runs a program (no shell) and reads its exit code.</summary>
    Command = 2,
}
