using System.Diagnostics;

namespace Ramp.Reports.Tests.Html;

/// <summary>
/// Headless Chromium for the report tests: Debian's <c>chromium</c> package, installed on first use with
/// <c>apt-get install -y chromium</c> when missing and running as root; otherwise <see cref="Path"/> is null
/// and <see cref="Why"/> says why the browser tests skip.
/// </summary>
internal static class Chromium
{
    static readonly Lazy<(string? Path, string Why)> Found = new(Locate);

    public static string? Path => Found.Value.Path;

    public static string Why => Found.Value.Why;

    static (string?, string) Locate()
    {
        if (Which() is { } p) return (p, "");
        if (Environment.UserName != "root") return (null, "chromium is not installed and the tests are not root, so cannot apt-get install it");
        Exec("apt-get", "update -qq", 600);
        var (code, output) = Exec("apt-get", "install -y -qq chromium", 900);
        return Which() is { } q ? (q, "") : (null, $"apt-get install -y chromium failed ({code}): {output[^Math.Min(300, output.Length)..]}");
    }

    static string? Which() => new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Runs chromium headless with <paramref name="args"/> and returns its standard output.</summary>
    public static string Run(string args, int timeoutSeconds = 120)
    {
        var (code, output) = Exec(Path!, "--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --hide-scrollbars " + args, timeoutSeconds, stdoutOnly: true);
        Assert.True(code == 0, $"chromium exited {code}: {output}");
        return output;
    }

    static (int Code, string Output) Exec(string file, string args, int timeoutSeconds, bool stdoutOnly = false)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000)) { p.Kill(entireProcessTree: true); return (-1, "timed out"); }
        return (p.ExitCode, stdoutOnly ? stdout.Result : stdout.Result + stderr.Result);
    }
}
