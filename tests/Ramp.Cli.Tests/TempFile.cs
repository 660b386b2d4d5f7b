namespace Ramp.Cli.Tests;

/// <summary>Files and folders under the system temp folder, one fresh name per call.</summary>
public static class TempFile
{
    /// <summary>A new file holding <paramref name="lines"/>; returns its path.</summary>
    public static string With(IEnumerable<string> lines)
    {
        var path = Path.Combine(Folder(), "metrics.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>A new empty folder; returns its path.</summary>
    public static string Folder()
    {
        var path = Path.Combine(Path.GetTempPath(), "ramp-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
