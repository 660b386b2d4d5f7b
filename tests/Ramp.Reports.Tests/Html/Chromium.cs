using System.Diagnostics;

namespace Ramp.Reports.Tests.Html;

/// <summary>
/// Headless Chromium for the report tests, found on <c>PATH</c> (Debian's <c>chromium</c> package). Tests never
/// install system software: <c>.ci/run</c> installs the browser when it is missing. Without one, <see cref="Path"/>
/// is null and <see cref="Why"/> says so; the browser tests then skip on a developer's machine and fail under CI
/// (<c>CI=true</c>), where a skipped check would pass unseen.
/// </summary>
internal static class Chromium
{
    static readonly Lazy<string?> Found = new(Locate);

    static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    public static string? Path => Found.Value;

    /// <summary>True under CI, where a missing browser is a failure rather than a skip.</summary>
    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Why =>
        $"no headless Chromium on PATH (looked for {string.Join(", ", Names)}); .ci/run installs the Debian package chromium when it is missing";

    static string? Locate()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(n => dirs.Select(d => System.IO.Path.Combine(d, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs chromium headless with <paramref name="args"/> and returns its standard output.</summary>
    public static string Run(string args, int timeoutSeconds = 120)
    {
        Assert.True(Path is not null, Why);
        var (code, output) = Exec(Path!, "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars " + args, timeoutSeconds);
        Assert.True(code == 0, $"chromium exited {code}: {output}");
        return output;
    }

    static (int Code, string Output) Exec(string file, string args, int timeoutSeconds)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000)) { p.Kill(entireProcessTree: true); return (-1, "timed out"); }
        return (p.ExitCode, stdout.Result);
    }
}
