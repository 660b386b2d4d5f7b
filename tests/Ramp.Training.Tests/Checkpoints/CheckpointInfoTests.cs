using Ramp.Runs;
using Ramp.Training.Runs;
using Ramp.Training.Checkpoints;

namespace Ramp.Training.Tests.Checkpoints;

public sealed class CheckpointInfoTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ramp-checkpoint-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Checkpoint_info_round_trips_including_nan()
    {
        var folder = new RunFolder(_dir);
        var guards = new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["rollback"] = System.Text.Json.JsonSerializer.SerializeToElement(new Ramp.Training.Guards.RollbackState(0.5, 40, 10, 1), RunJson.Indented),
        };
        var info = new CheckpointInfo(50, 1, 3, "model-50.bin", "optimizer-50.bin", "rng-50.bin", null, guards, double.NaN, 12.5);
        folder.WriteCheckpointInfo(info);
        var back = folder.ReadCheckpointInfo<CheckpointInfo>()!;
        Assert.Equal(info with { Guards = back.Guards }, back);
        Assert.Equal(new Ramp.Training.Guards.RollbackState(0.5, 40, 10, 1),
            System.Text.Json.JsonSerializer.Deserialize<Ramp.Training.Guards.RollbackState>(back.Guards!["rollback"], RunJson.Indented));
        Assert.Contains("\"initial_loss\": \"NaN\"", File.ReadAllText(folder.LatestCheckpoint));
    }
}
