using Ramp.Build;
using Ramp.Cli.Cli;

namespace Ramp.Cli.Tests;

/// <summary><c>ramp doctor</c> on this machine, and the pointer to it from native-load failures.</summary>
public sealed class DoctorCommandTests
{
    [Fact]
    public void Doctor_reports_every_section_and_no_problem_here()
    {
        var run = CliRun.Of("doctor");

        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Equal("", run.Err);
        foreach (var name in new[] { "ramp:", ".NET:", "OS:", "libc:", "libstdc++:", "TorchSharp:", "libtorch:", "loaded:", "CUDA:", "threads:" })
            Assert.Contains("\n" + name, "\n" + run.Out);
        Assert.Contains("TorchSharp:   0.107.0", run.Out);
        Assert.Contains("libtorch-cpu-linux-x64/2.10.0", run.Out);
        Assert.Contains("loaded:       CPU backend from " + AppContext.BaseDirectory.TrimEnd('/'), run.Out);
        Assert.Contains("CUDA:         none: the CPU libtorch has no CUDA", run.Out);
        Assert.EndsWith("no problems found\n", run.Out);
    }

    [Fact]
    public void Doctor_says_whether_the_Debian_fix_was_needed_as_the_system_libstdcxx_decides()
    {
        var libstdcxx = NativeLibraryFix.FindSystemLibstdcxx()!;
        var needed = !ElfVersionPatcher.DefinedVersions(File.ReadAllBytes(libstdcxx), libstdcxx).Contains("GLIBCXX_3.4.32");

        var run = CliRun.Of("doctor");

        var line = run.OutLines.Single(l => l.StartsWith("Debian fix:", StringComparison.Ordinal));
        Assert.StartsWith(needed ? "Debian fix:   needed and applied (GLIBCXX_3.4.32: already weak)" : "Debian fix:   not needed", line);
    }

    [Fact]
    public void A_native_load_failure_points_to_doctor_and_other_failures_do_not()
    {
        var missing = new TypeInitializationException("TorchSharp.torch", new DllNotFoundException("libLibTorchSharp.so: cannot open shared object file"));
        var noBackend = new NotSupportedException("This application or script uses TorchSharp but doesn't contain a reference to libtorch-cpu-linux-x64");

        Assert.True(CommandLineRunner.IsNativeLoadFailure(missing));
        Assert.True(CommandLineRunner.IsNativeLoadFailure(noBackend));
        Assert.False(CommandLineRunner.IsNativeLoadFailure(new InvalidOperationException("no")));
        Assert.False(CommandLineRunner.IsNativeLoadFailure(new TypeInitializationException("Ramp.X", new IOException("disk"))));
    }
}
