namespace Ramp.Reports.Tests.Html;

/// <summary>
/// A fact that needs headless Chromium: skipped, with the reason, when there is none; under CI (<c>CI=true</c>)
/// it runs anyway and fails on the missing browser.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required) Skip = Chromium.Why;
    }
}
