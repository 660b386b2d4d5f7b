using TorchSharp;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Native;

/// <summary>TorchSharp's native library loads from the build output and trains a tiny model.</summary>
public sealed class TorchSharpLoadTests
{
    [Fact]
    public void Tensors_compute_on_the_cpu()
    {
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = a * 2 + 1;
        Assert.Equal(new float[] { 3, 5, 7 }, b.data<float>().ToArray());
        Assert.Equal(15f, b.sum().item<float>());
    }

    [Fact]
    public void Sgd_steps_reduce_the_loss_of_a_linear_fit()
    {
        manual_seed(7);
        var x = randn(64, 3);
        var y = x.matmul(tensor(new float[] { 1.5f, -2f, 0.5f }).reshape(3, 1)) + 0.25f;
        var model = nn.Linear(3, 1);
        var optimizer = optim.SGD(model.parameters(), 0.1);
        var losses = new List<float>();
        for (int step = 0; step < 20; step++)
        {
            optimizer.zero_grad();
            using var loss = nn.functional.mse_loss(model.call(x), y);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }
        Assert.True(losses[^1] < losses[0] * 0.1f, $"loss went from {losses[0]} to {losses[^1]}");
    }

    [Fact]
    public void The_loaded_library_is_the_copy_in_the_output_folder()
    {
        using var warm = ones(1); // forces the native load
        var loaded = File.ReadAllLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .Where(path => path.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.Equal([ElfVersionPatcherTests.OutputCopy()], loaded);
    }
}
