using Ramp.Runs;
using Ramp.Training.Loop;
using Ramp.Training.Models;
using Ramp.Training.Runs;
using Ramp.Training.Checkpoints;

namespace Ramp.Cli.Tests.Faults;

/// <summary>
/// Every file of a checkpoint, truncated, zeroed, replaced by random bytes, deleted or taken from another model, on the
/// real files of a finished run: <see cref="Checkpointer.PrepareResume"/> names it and falls back to the previous
/// checkpoint, before any byte reaches libtorch (which would abort the process on some of them).
/// </summary>
[Collection(DamagedCheckpointTests.Name)]
public sealed class CheckpointMatrixTests
{
    private readonly DamagedCheckpointTests.Runs _runs;

    public CheckpointMatrixTests(DamagedCheckpointTests.Runs runs) => _runs = runs;

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in new[] { "model-40.bin", "optimizer-40.bin", "rng-40.bin", "latest.json" })
            foreach (var damage in new[] { "truncated", "zeroed", "random", "deleted", "other-model" })
                cases.Add(file, damage);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_damaged_file_is_named_and_an_intact_checkpoint_is_chosen(string file, string damage)
    {
        var run = DamagedCheckpointTests.Copy(_runs, $"matrix-{file}-{damage}");
        var path = Path.Combine(run, "checkpoints", file);
        DamagedCheckpointTests.Damage(path, damage, Path.Combine(_runs.Cnn, "checkpoints", file));
        var warnings = new List<string>();

        var chosen = Checkpointer.PrepareResume(new RunFolder(run), Model(), warnings.Add);

        var warning = Assert.Single(warnings);
        if (file == "latest.json")
        {
            // Its copy checkpoint-40.json is intact: nothing is redone (another model's index names files whose checksums differ).
            Assert.Equal(40, chosen!.Step);
            Assert.Contains(damage == "other-model" ? "model-40.bin" : "latest.json", warning);
        }
        else
        {
            Assert.Equal(30, chosen!.Step);
            Assert.StartsWith($"warning: {path}: {(damage == "deleted" ? "missing" : "")}", warning);
            Assert.EndsWith("resuming from the checkpoint of step 30 instead (10 steps are redone)", warning);
        }
        Assert.Equal(chosen.Step, new RunFolder(run).ReadCheckpointInfo<CheckpointInfo>()!.Step);
    }

    [Fact]
    public void A_whole_checkpoint_of_another_model_is_refused_by_its_tensor_shapes()
    {
        var run = DamagedCheckpointTests.Copy(_runs, "matrix-whole-other");
        var checkpoints = Path.Combine(run, "checkpoints");
        foreach (var f in Directory.GetFiles(checkpoints)) File.Delete(f);
        foreach (var f in Directory.GetFiles(Path.Combine(_runs.Cnn, "checkpoints"))) File.Copy(f, Path.Combine(checkpoints, Path.GetFileName(f)));

        var e = Assert.Throws<CheckpointDamagedException>(() => Checkpointer.PrepareResume(new RunFolder(run), Model(), _ => { }));

        Assert.Equal(Path.Combine(checkpoints, "model-40.bin"), e.File);
        Assert.Contains("(a file of another model)", e.Problem);
        Assert.EndsWith("; no older checkpoint is intact either", e.Problem);
    }

    // The model ramp train builds for --model mlp --seed 3 on Fashion-MNIST.
    private static TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> Model() =>
        ModelFactory.Create(new ModelSettings("mlp"), 10, 3);
}
