using System.Reflection;
using Ramp.Schedules;

namespace Ramp.Training.Data;

/// <summary>
/// The shipped data files (see docs/data-and-models.md for what and where from). They live in the separate
/// assembly and package <c>Ramp.Data</c>, so that an application that brings its own data does not load 4.6 MB of
/// it; an application that wants them references <c>Ramp.Data</c> (the <c>ramp</c> tool does).
/// </summary>
public static class ShippedData
{
    /// <summary>The assembly (and package) that carries the files.</summary>
    public const string AssemblyName = "Ramp.Data";

    /// <summary>Names of the shipped files: the Fashion-MNIST subset (IDX, gzipped) and the text corpus.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "fashion-train-images-idx3-ubyte.gz", "fashion-train-labels-idx1-ubyte.gz",
        "fashion-t10k-images-idx3-ubyte.gz", "fashion-t10k-labels-idx1-ubyte.gz", "shakespeare.txt",
    ];

    private static readonly Lazy<Assembly?> Carrier = new(() =>
    {
        try { return Assembly.Load(new AssemblyName(AssemblyName)); }
        catch (FileNotFoundException) { return null; }
    });

    /// <summary>True when the application references <c>Ramp.Data</c>, so that <see cref="Read"/> can work.</summary>
    public static bool Available => Carrier.Value is not null;

    /// <summary>The bytes of shipped file <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such file is shipped.</exception>
    /// <exception cref="InvalidOperationException">The application does not reference the <c>Ramp.Data</c> package.</exception>
    public static byte[] Read(string name)
    {
        if (!Names.Contains(name))
            throw RampArgumentException.For($"no shipped data file '{name}'; shipped: {string.Join(", ", Names)}", nameof(name));
        var carrier = Carrier.Value ?? throw new InvalidOperationException(
            $"the shipped data file '{name}' is in the {AssemblyName} package, which this application does not reference: " +
            $"run 'dotnet add package {AssemblyName}', or read your own files (FashionMnist.Load(folder), TextCorpus.FromFile(path))");
        using var stream = carrier.GetManifestResourceStream(AssemblyName + "." + name)
            ?? throw new InvalidOperationException($"{carrier.GetName().Name} {carrier.GetName().Version} has no resource '{name}'");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
