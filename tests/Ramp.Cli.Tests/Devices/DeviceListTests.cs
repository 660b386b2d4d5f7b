using Ramp.Cli.Cli;
using Ramp.Cli.Commands;
using Ramp.Cli.Tests.Faults;

namespace Ramp.Cli.Tests.Devices;

/// <summary>
/// <c>ramp compare --devices</c> on a machine without a GPU: the list's grammar, what each worker is started with
/// for a fake list of CUDA devices (its <c>CUDA_VISIBLE_DEVICES</c>, inside a Slurm task's own, and the device it
/// trains on), one-line errors, and <c>cpu</c> recorded in every run.
/// </summary>
public sealed class DeviceListTests : IDisposable
{
    private readonly string _root = TempFile.Folder();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Workers_go_round_robin_over_the_devices_each_seeing_only_its_own()
    {
        var devices = DeviceList.Parse("cuda:0,cuda:1", () => 2);
        var plan = CompareWorkers.Plan(["compare", "--preset", "fmnist-sgd", "--devices", "cuda:0,cuda:1", "--jobs", "3", "--out", "x"],
            3, devices, [], null);
        Assert.Equal(["0", "1", "0"], plan.Select(w => w.Visible));
        Assert.All(plan, w => Assert.Equal(["compare", "--preset", "fmnist-sgd", "--out", "x", "--jobs", "1"], w.Args.Take(7)));
        Assert.Equal(["--worker", "0/3", "--worker-device", "cuda:0"], plan[0].Args.Skip(7));
        Assert.Equal(["--worker", "2/3", "--worker-device", "cuda:0"], plan[2].Args.Skip(7));

        // In a Slurm task given GPUs 4 and 6, cuda:1 is physical device 6.
        var task = CompareWorkers.Plan(["compare", "--devices", "cuda"], 2, DeviceList.Parse("cuda", () => 2), ["--halving-stage", "1"],
            "4,6");
        Assert.Equal(["4", "6"], task.Select(w => w.Visible));
        Assert.Equal(["--worker-device", "cuda:0", "--halving-stage", "1"], task[1].Args.TakeLast(4));

        var cpu = CompareWorkers.Plan(["compare"], 2, DeviceList.Parse(null, () => throw new InvalidOperationException("not asked")), [],
            "4,6");
        Assert.All(cpu, w => Assert.Null(w.Visible));
        Assert.All(cpu, w => Assert.Equal(["--worker-device", "cpu"], w.Args.TakeLast(2)));
    }

    [Theory]
    [InlineData("gpu", 2, "--devices: expected cpu, cuda, or CUDA devices like cuda:0,cuda:1 but found 'gpu'")]
    [InlineData("cuda:0,cuda:x", 2, "--devices: expected cpu, cuda, or CUDA devices like cuda:0,cuda:1 but found 'cuda:x'")]
    [InlineData("cuda:1,cuda:1", 2, "--devices: a device is listed twice in 'cuda:1,cuda:1'")]
    [InlineData("cuda:0,cuda:2", 2, "--devices: cuda:2 is not there: this process sees 2 CUDA device(s), cuda:0 to cuda:1")]
    [InlineData("cuda", 0, "--devices cuda: no CUDA device is available (this build has the CPU libtorch, or the machine has no GPU)")]
    public void Bad_lists_say_what_is_wrong(string text, int count, string message) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => DeviceList.Parse(text, () => count)).Message);

    [Fact]
    public void On_this_cpu_machine_a_cuda_list_is_one_line_and_exit_2_and_cpu_is_recorded_in_every_run()
    {
        var grid = Path.Combine(_root, "grid.json");
        File.WriteAllText(grid, """
            { "case_study": "tiny", "data": "fashion-mnist", "model": { "kind": "mlp", "hidden": [8] }, "optimizer": { "name": "sgd" },
              "batch": 16, "steps": 10, "peaks": [0.05, 0.1], "arms": [ { "name": "none", "schedule": "cosine({steps})" } ] }
            """);
        var cuda = CliRun.Of("compare", "--grid-file", grid, "--out", Path.Combine(_root, "gpu"), "--devices", "cuda:0,cuda:1");
        Assert.Equal(2, cuda.Code);
        Assert.Equal(
            ["ramp: --devices cuda:0,cuda:1: no CUDA device is available (this build has the CPU libtorch, or the machine has no GPU)"],
            cuda.ErrLines);

        var cpu = RealRamp.Run("compare", "--grid-file", grid, "--out", Path.Combine(_root, "cpu"), "--devices", "cpu", "--jobs", "2");
        Assert.True(cpu.Code == 0, cpu.Err);
        var configs = Directory.GetDirectories(Path.Combine(_root, "cpu", "runs")).Select(f => File.ReadAllText(Path.Combine(f,
            "config.json"))).ToArray();
        Assert.Equal(2, configs.Length);
        Assert.All(configs, c => Assert.Equal("cpu", System.Text.Json.JsonDocument.Parse(c).RootElement.GetProperty("device").GetString()));
    }
}
