using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Ramp.Training.Tests.Optimizers;

/// <summary>
/// The small float64 least-squares problem of <c>tests/data/optimizers/trajectories.json</c>: weights <c>W</c> (3x2)
/// and <c>b</c> (2), loss <c>mean((X W + b - Y)^2)</c>, step <c>t</c> (from 0) on batch <c>t mod 4</c> (batch 3's inputs
/// are 4x larger: a gradient jump). Gradients both by TorchSharp's autograd and by hand in doubles, and the recorded
/// trajectories of the authors' optimizers.
/// </summary>
internal static class LeastSquares
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(DataFile())).RootElement.Clone());

    /// <summary>The tensors' sizes in the flat order (W row-major, then b).</summary>
    public static readonly int[] Sizes = [6, 2];

    public static int Steps => Root.Value.GetProperty("problem").GetProperty("steps").GetInt32();

    public static int EvalAt => Root.Value.GetProperty("problem").GetProperty("eval_at").GetInt32();

    public static string TorchVersion => Root.Value.GetProperty("torch").GetString()!;

    public static double[] Start()
    {
        var p = Root.Value.GetProperty("problem");
        return [.. Rows(p.GetProperty("w0")).SelectMany(r => r), .. Numbers(p.GetProperty("b0"))];
    }

    /// <summary>A recorded case by name.</summary>
    public static JsonElement Case(string name) =>
        Root.Value.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static double Setting(JsonElement c, string key)
    {
        var v = c.GetProperty("settings").GetProperty(key);
        return v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!.Replace("inf", "Infinity", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture)
            : v.ValueKind is JsonValueKind.True or JsonValueKind.False ? (v.GetBoolean() ? 1 : 0) : v.GetDouble();
    }

    public static double[][] Recorded(JsonElement c, string key) => Rows(c.GetProperty(key));

    public static double[] RecordedVector(JsonElement c, string key) => Numbers(c.GetProperty(key));

    /// <summary>W and b as float64 parameters at <paramref name="flat"/>.</summary>
    public static Parameter[] Parameters(double[] flat) =>
        [new Parameter(tensor(flat[..6], float64).reshape(3, 2)), new Parameter(tensor(flat[6..], float64))];

    public static double[] Values(IEnumerable<Parameter> parameters) =>
        parameters.SelectMany(p => p.detach().cpu().data<double>().ToArray()).ToArray();

    /// <summary>Autograd gradients of step <paramref name="t"/>'s loss into the parameters' <c>grad</c>.</summary>
    public static void Backward(Parameter[] p, int t)
    {
        using var scope = NewDisposeScope();
        foreach (var q in p) q.grad?.zero_();
        var (x, y) = Batch(t);
        var loss = (tensor(x, float64).reshape(6, 3).matmul(p[0]).add(p[1]).sub(tensor(y, float64).reshape(6, 2))).square().mean();
        loss.backward();
    }

    /// <summary>The same gradient by hand, in doubles: <c>dW = X^T r 2/12</c>, <c>db = sum_rows r 2/12</c>, <c>r = X W + b - Y</c>.</summary>
    public static double[] Gradient(double[] w, int t)
    {
        var (x, y) = Batch(t);
        var g = new double[8];
        for (int r = 0; r < 6; r++)
            for (int c = 0; c < 2; c++)
            {
                double o = w[6 + c] - y[r * 2 + c];
                for (int i = 0; i < 3; i++) o += x[r * 3 + i] * w[i * 2 + c];
                double d = 2 * o / 12;
                for (int i = 0; i < 3; i++) g[i * 2 + c] += x[r * 3 + i] * d;
                g[6 + c] += d;
            }
        return g;
    }

    /// <summary>Asserts equal within <paramref name="relative"/> of the larger magnitude (or 1e-300 absolute).</summary>
    public static void Close(double[] expected, double[] actual, double relative, string where)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = Math.Max(Math.Abs(expected[i]), Math.Abs(actual[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * scale + 1e-300,
                $"{where}, element {i}: expected {expected[i]:R} but was {actual[i]:R} (relative tolerance {relative})");
        }
    }

    /// <summary>The largest relative difference (for the documented tolerances).</summary>
    public static double MaxRelative(double[] expected, double[] actual) =>
        expected.Zip(actual, (e, a) => Math.Abs(e - a) / Math.Max(1e-300, Math.Max(Math.Abs(e), Math.Abs(a)))).Max();

    private static (double[] X, double[] Y) Batch(int t)
    {
        var b = Root.Value.GetProperty("problem").GetProperty("batches")[t % 4];
        return (Rows(b.GetProperty("x")).SelectMany(r => r).ToArray(), Rows(b.GetProperty("y")).SelectMany(r => r).ToArray());
    }

    private static double[][] Rows(JsonElement e) => e.EnumerateArray().Select(Numbers).ToArray();

    private static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static string DataFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ramp.slnx")))
                return Path.Combine(dir.FullName, "tests", "data", "optimizers", "trajectories.json");
        throw new FileNotFoundException($"no Ramp.slnx above {AppContext.BaseDirectory}");
    }
}
