using Ramp.Build;

namespace Ramp.Training.Tests.Native;

/// <summary>The build-time patcher, run on TorchSharp's own libLibTorchSharp.so (read from the NuGet cache, patched in memory).</summary>
public sealed class ElfVersionPatcherTests
{
    private static readonly HashSet<string> Debian12 = ["GLIBCXX_3.4", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30", "CXXABI_1.3", "CXXABI_1.3.13"];

    private static string Shipped()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    /// <summary>
    /// The copy the build placed beside the tests: in the output folder itself when the project has a runtime
    /// identifier (linux-x64 builds here), under <c>runtimes/linux-x64/native</c> otherwise.
    /// </summary>
    internal static string OutputCopy() =>
        new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native") }
            .Select(dir => Path.GetFullPath(Path.Combine(dir, "libLibTorchSharp.so")))
            .FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("no libLibTorchSharp.so in " + AppContext.BaseDirectory);

    private static HashSet<string> AllVersionsBut(string missing, byte[] elf)
    {
        // Everything the file asks for except one: isolates the decision to that version.
        var all = new HashSet<string>(Debian12);
        for (int major = 0; major <= 40; major++) all.Add($"GLIBCXX_3.4.{major}");
        for (int minor = 0; minor <= 20; minor++) all.Add($"CXXABI_1.3.{minor}");
        all.Remove(missing);
        return all;
    }

    [Fact]
    public void Missing_unreferenced_version_is_made_weak_and_its_symbol_global()
    {
        var bytes = File.ReadAllBytes(Shipped());
        var before = (byte[])bytes.Clone();
        var report = ElfVersionPatcher.Patch(bytes, "lib", "libstdc++.so.6", AllVersionsBut("GLIBCXX_3.4.32", bytes), out bool blocked);
        Assert.False(blocked);
        Assert.Equal(["GLIBCXX_3.4.32: made weak; unversioned _ZSt21ios_base_library_initv (no relocation uses it)"], report);
        Assert.Equal(before.Length, bytes.Length);
        // Exactly two 16-bit fields change: the vernaux flags and the symbol's .gnu.version entry.
        var changed = Enumerable.Range(0, bytes.Length).Where(i => bytes[i] != before[i]).ToList();
        Assert.InRange(changed.Count, 2, 4);

        var again = ElfVersionPatcher.Patch(bytes, "lib", "libstdc++.so.6", AllVersionsBut("GLIBCXX_3.4.32", bytes), out _);
        Assert.Equal(["GLIBCXX_3.4.32: already weak"], again);
    }

    [Fact]
    public void Nothing_changes_when_the_system_has_every_version()
    {
        var bytes = File.ReadAllBytes(Shipped());
        var before = (byte[])bytes.Clone();
        var report = ElfVersionPatcher.Patch(bytes, "lib", "libstdc++.so.6", AllVersionsBut("none", bytes), out bool blocked);
        Assert.Empty(report);
        Assert.False(blocked);
        Assert.Equal(before, bytes);
    }

    [Fact]
    public void A_version_that_relocations_use_blocks_the_patch()
    {
        var bytes = File.ReadAllBytes(Shipped());
        var report = ElfVersionPatcher.Patch(bytes, "lib", "libstdc++.so.6", AllVersionsBut("GLIBCXX_3.4.21", bytes), out bool blocked);
        Assert.True(blocked);
        Assert.StartsWith("GLIBCXX_3.4.21: not patched, relocations use ", Assert.Single(report));
    }

    [Fact]
    public void System_libstdcxx_versions_are_read_from_its_version_definitions()
    {
        var path = NativeLibraryFix.FindSystemLibstdcxx();
        Assert.NotNull(path);
        var versions = ElfVersionPatcher.DefinedVersions(File.ReadAllBytes(path), path);
        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("CXXABI_1.3", versions);
    }

    [Fact]
    public void The_output_copy_no_longer_needs_a_missing_version()
    {
        var path = NativeLibraryFix.FindSystemLibstdcxx()!;
        var available = ElfVersionPatcher.DefinedVersions(File.ReadAllBytes(path), path);
        var output = OutputCopy();
        var bytes = File.ReadAllBytes(output);
        var report = ElfVersionPatcher.Patch(bytes, output, "libstdc++.so.6", available, out bool blocked);
        Assert.False(blocked);
        Assert.All(report, line => Assert.EndsWith("already weak", line));
    }

    [Theory]
    [InlineData(0, "not an ELF file")]
    [InlineData(100, "truncated?")]
    public void Truncated_or_foreign_files_are_named_in_the_error(int keep, string what)
    {
        var bytes = File.ReadAllBytes(Shipped()).Take(keep).ToArray();
        if (keep == 0) bytes = "#!/bin/sh\n"u8.ToArray().Concat(new byte[64]).ToArray();
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.Patch(bytes, "x.so", "libstdc++.so.6", Debian12, out _));
        Assert.StartsWith("x.so: ", e.Message);
        Assert.Contains(what, e.Message);
    }
}
