using System.ComponentModel;
using Vigil.Storage.Configuration;

namespace Vigil.Alerting.Notifications;

/// <summary>A recurring window, such as nights or weekends, in which the routes that name it send nothing.</summary>
[Description("a mute window")]
public sealed class MuteWindowOptions
{
    /// <summary>The name routes use.</summary>
    public string? Name { get; set; }

    /// <summary>Days of the week (<c>monday</c>, <c>saturday-sunday</c>, <c>weekdays</c>, <c>weekends</c>); every day when empty.</summary>
    [SingleValueList]
    public IList<string> Days { get; } = new List<string>();

    /// <summary>Times of day, <c>HH:MM-HH:MM</c> (end excluded, <c>24:00</c> for midnight); all day when empty.</summary>
    [SingleValueList]
    public IList<string> Times { get; } = new List<string>();

    /// <summary>The IANA time zone the days and times are in (<c>Europe/Paris</c>); UTC by default.</summary>
    public string? TimeZone { get; set; }
}
