namespace Ramp.Reports.Tests.Html;

/// <summary>A fact that needs headless Chromium: skipped, with the reason, when it cannot be had.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null) Skip = Chromium.Why;
    }
}
