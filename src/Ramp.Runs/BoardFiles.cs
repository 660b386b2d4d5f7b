namespace Ramp.Runs;

/// <summary>
/// The TensorBoard event files of a run folder (<c>events.out.tfevents.*</c>) and the steps that replace them on a
/// resume or roll-back. An event file cannot be truncated by its writer, so the trainer moves the files aside into
/// <c>tensorboard-replaced/</c> (renamed so that TensorBoard, which reads every file with <c>tfevents</c> in its name,
/// ignores them), writes a fresh file, then deletes the folder. A run killed in between finds the folder again on
/// its next resume and reads it as well, so nothing is lost and nothing is shown twice.
/// </summary>
internal static class BoardFiles
{
    private const string Marker = "tfevents";
    private const string Retired = "replaced";

    /// <summary>The folder that holds event files moved aside while they are being replaced.</summary>
    public static string ReplacedFolder(string folder) => Path.Combine(folder, "tensorboard-replaced");

    /// <summary>The live event files directly in <paramref name="folder"/>, in name order (which is creation order).</summary>
    public static IReadOnlyList<string> EventFiles(string folder) => Directory.Exists(folder)
        ? Directory.GetFiles(folder).Where(f => Path.GetFileName(f).Contains(Marker, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray()
        : [];

    /// <summary>Whether the folder holds live event files or files moved aside by an interrupted replacement.</summary>
    public static bool Any(string folder) => EventFiles(folder).Count > 0 || RetiredFiles(folder).Count > 0;

    /// <summary>
    /// Every scalar the folder's event files hold, oldest first: the files moved aside by an interrupted
    /// replacement, then the live files, each in name order and each in write order.
    /// </summary>
    public static IReadOnlyList<BoardScalar> ReadAll(string folder) =>
        RetiredFiles(folder).Concat(EventFiles(folder)).SelectMany(EventFileReader.ReadScalars).ToArray();

    /// <summary>Moves the live event files into <see cref="ReplacedFolder"/>, where TensorBoard does not see them.</summary>
    public static void Retire(string folder)
    {
        var files = EventFiles(folder);
        if (files.Count == 0) return;
        var target = ReplacedFolder(folder);
        Directory.CreateDirectory(target);
        foreach (var file in files)
            File.Move(file, Path.Combine(target, Path.GetFileName(file).Replace(Marker, Retired, StringComparison.Ordinal)),
                overwrite: true);
    }

    /// <summary>Deletes <see cref="ReplacedFolder"/> once the replacing file is written.</summary>
    public static void DropRetired(string folder)
    {
        var target = ReplacedFolder(folder);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
    }

    private static IReadOnlyList<string> RetiredFiles(string folder)
    {
        var target = ReplacedFolder(folder);
        return Directory.Exists(target) ? Directory.GetFiles(target).Order(StringComparer.Ordinal).ToArray() : [];
    }
}
