namespace Vigil.Alerting.Notifications;

/// <summary>What checking a followed acknowledgement link found.</summary>
public enum AcknowledgementLinkCheck
{
    /// <summary>Signed by this server for this alert and not expired.</summary>
    Valid,

    /// <summary>The expiry or the signature is missing or not in the link's format.</summary>
    Malformed,

    /// <summary>The signature does not match the alert and expiry: the link was altered, or signed with another key.</summary>
    Tampered,

    /// <summary>Signed correctly, but its time has passed.</summary>
    Expired,
}
