namespace Vigil;

/// <summary>How a tracked operation ended; the <c>outcome</c> tag of its metrics.</summary>
public enum OperationOutcome
{
    /// <summary>It completed.</summary>
    Success,

    /// <summary>It threw, or was marked failed.</summary>
    Failure,

    /// <summary>It was cancelled (an <see cref="OperationCanceledException"/>).</summary>
    Cancelled,

    /// <summary>Its scope was disposed without being marked complete or failed.</summary>
    Abandoned,
}
