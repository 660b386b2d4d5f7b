using Ramp.Runs.Tests.Fixtures;

namespace Ramp.Runs.Tests;

/// <summary>Reading a run folder that is not there, through every reader of the public API, leaves the disk as it was.</summary>
public sealed class RunFolderCreatesNothingTests : IDisposable
{
    private readonly TempDir _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Reading_a_missing_run_folder_creates_nothing()
    {
        var missing = _root.Sub("runs", "a");
        var folder = new RunFolder(missing);

        Assert.Equal(Path.GetFullPath(missing), folder.Path);
        Assert.Null(folder.ReadSummary());
        Assert.Empty(folder.ReadEvents());
        Assert.Empty(folder.ReadRecords());
        Assert.Null(folder.ReadCheckpointInfo<object>());
        var config = Assert.Throws<RunFolderException>(folder.ReadConfig);
        Assert.Contains("config.json", config.Message, StringComparison.Ordinal);
        Assert.False(RunFolderReader.IsRunFolder(missing));
        Assert.Throws<RunFolderException>(() => RunFolderReader.Read(missing));
        Assert.Throws<RunFolderException>(() => RunFolderReader.ReadAll([missing]));

        Assert.False(Directory.Exists(missing), "a reader created the run folder");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root.Path));
    }

    [Fact]
    public void The_first_write_creates_the_folder()
    {
        var folder = new RunFolder(_root.Sub("runs", "b"));
        Assert.False(Directory.Exists(folder.Path));

        folder.AppendEvents([new RunEvent(3, EventKind.Guard, "clip", null, "clipped", 2)]);

        Assert.Equal(3, Assert.Single(folder.ReadEvents()).Step);
        Assert.False(Directory.Exists(folder.Checkpoints), "checkpoints/ is made by the first checkpoint, not before");
    }
}
