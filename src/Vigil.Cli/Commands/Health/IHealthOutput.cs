namespace Vigil.Cli.Commands.Health;

/// <summary>Where <c>vigil health</c> writes a snapshot: text for humans or JSON.</summary>
internal interface IHealthOutput
{
    /// <summary>Writes one snapshot; <paramref name="watching"/> when more will follow (<c>--watch</c>).</summary>
    void Write(HealthSnapshot snapshot, bool watching);
}
