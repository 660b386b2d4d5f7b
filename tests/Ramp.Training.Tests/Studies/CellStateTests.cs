using Ramp.Runs;
using Ramp.Training.Loop;
using Ramp.Training.Models;
using Ramp.Training.Studies;
using Ramp.Training.Checkpoints;

namespace Ramp.Training.Tests.Studies;

/// <summary>Looking at a cell's folder before it runs (compare's conflict check, the resume check) creates nothing.</summary>
public sealed class CellStateTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ramp-cellstate-" + Guid.NewGuid().ToString("N"));

    public CellStateTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static RunConfig Expected =>
        new(ModelName.Mlp, "fashion-mnist", null, "sgd", 0.05, "cosine(60)", 60, null, 32, 1, "cpu");

    [Fact]
    public void Inspecting_a_missing_cell_folder_creates_nothing()
    {
        var folder = Path.Combine(_root, "runs", "cell");

        Assert.Null(CellState.Conflict(folder, Expected));
        Assert.Equal(CellAction.Trained, CellState.Inspect(folder, Expected));
        using var model = ModelFactory.Create(new ModelSettings("mlp", Hidden: [8]), 10, seed: 0);
        Assert.Null(Checkpointer.PrepareResume(new RunFolder(folder), model, _ => { }));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public void A_folder_recorded_with_other_settings_is_a_conflict()
    {
        var folder = Path.Combine(_root, "cell");
        new RunFolder(folder).WriteConfig(Expected with { Lr = 0.1 });

        var conflict = CellState.Conflict(folder, Expected);

        Assert.NotNull(conflict);
        Assert.Contains("this run was made with lr 0.1, the grid now asks for 0.05", conflict, StringComparison.Ordinal);
    }
}
