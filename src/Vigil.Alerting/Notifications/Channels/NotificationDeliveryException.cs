namespace Vigil.Alerting.Notifications;

/// <summary>A channel could not deliver a notification; the message is one line for the attempt's record.</summary>
public sealed class NotificationDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotificationDeliveryException()
        : this("the notification could not be delivered")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in one line (an HTTP status, a timeout, an SMTP reply).</param>
    public NotificationDeliveryException(string message)
        : this(message, retryable: true)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in one line.</param>
    /// <param name="innerException">The cause.</param>
    public NotificationDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
        IsRetryable = true;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in one line.</param>
    /// <param name="retryable">False when trying again cannot help (a 400, a refused address).</param>
    /// <param name="retryAfter">How long the destination asked to wait (HTTP <c>Retry-After</c>), if it said.</param>
    /// <param name="innerException">The cause, if any.</param>
    public NotificationDeliveryException(string message, bool retryable, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsRetryable = retryable;
        RetryAfter = retryAfter;
    }

    /// <summary>Whether a retry may succeed.</summary>
    public bool IsRetryable { get; }

    /// <summary>How long the destination asked to wait before the next attempt, if it said.</summary>
    public TimeSpan? RetryAfter { get; }
}
