using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using Ramp.Build;
using Ramp.Cli.Cli;
using static TorchSharp.torch;

namespace Ramp.Cli.Commands;

/// <summary>
/// <c>ramp doctor</c>: what a user needs when TorchSharp does not load: .NET, OS, libc and libstdc++ versions, the
/// TorchSharp and libtorch packages and the backend that loaded, CUDA devices (or why none), whether the Debian 12
/// fix of libLibTorchSharp.so was needed and applied (docs/native-libs.md), torch's thread counts. Each problem is
/// printed with its fix in one line; exit code 0 when there is none, 1 otherwise.
/// </summary>
public static class DoctorCommand
{
    /// <summary>Where a native-load failure elsewhere sends the user.</summary>
    public const string Hint = "run 'ramp doctor' to see why";

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var command = new Command("doctor", "Check that TorchSharp and libtorch load here; print versions, backend, CUDA devices and " +
            "threads, and a fix for each problem.");
        command.WithExamples(new CommandExample("ramp doctor", "Print the report; the exit code is 0 when nothing needs fixing, " +
            "1 otherwise."));
        command.SetAction(result => Run(result.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>Prints the report to <paramref name="stdout"/>; returns 0 when no problem was found, 1 otherwise.</summary>
    internal static int Run(TextWriter stdout)
    {
        var problems = new List<(string Problem, string Fix)>();
        void Line(string name, string value) => stdout.WriteLine($"{name + ":",-14}{value}");

        Line("ramp", CommandLineRunner.Version);
        Line(".NET", $"{RuntimeInformation.FrameworkDescription} ({RuntimeInformation.RuntimeIdentifier})");
        Line("OS", $"{OsRelease() ?? RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        Line("libc", GlibcVersion() is { } glibc ? "glibc " + glibc : "not glibc (libtorch needs glibc)");
        var libstdcxx = OperatingSystem.IsLinux() ? NativeLibraryFix.FindSystemLibstdcxx() : null;
        var available = libstdcxx is null ? null : ElfVersionPatcher.DefinedVersions(File.ReadAllBytes(libstdcxx), libstdcxx);
        Line("libstdc++", available is null ? "not found" : $"{libstdcxx}, newest {Newest(available, "GLIBCXX_")}");
        var torchSharp = typeof(TorchSharp.torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
        Line("TorchSharp", torchSharp?.InformationalVersion ?? "unknown");
        var backends = LibtorchPackages();
        Line("libtorch", backends.Count == 0 ? "no libtorch package in this application" : string.Join(", ", backends));
        if (backends.Count == 0)
            problems.Add(("no libtorch package is referenced", "add one: 'dotnet add package TorchSharp-cpu' (or libtorch-cpu-linux-x64, " +
                "or a CUDA libtorch package)"));

        var native = NativeCopy();
        if (OperatingSystem.IsLinux()) Line("Debian fix", DebianFix(native, libstdcxx, available, problems));

        try
        {
            InitializeDeviceType(TorchSharp.DeviceType.CPU);
            var loaded = LoadedLibraries();
            var cuda = loaded.Any(p => p.Contains("libtorch_cuda", StringComparison.Ordinal));
            Line("loaded", $"{(cuda ? "CUDA" : "CPU")} backend " +
                $"from {Path.GetDirectoryName(loaded.FirstOrDefault(p => p.Contains("libtorch_c", StringComparison.Ordinal)) ?? "?")}");
            Line("CUDA", TorchSharp.torch.cuda.is_available()
                ? $"{TorchSharp.torch.cuda.device_count()} device(s)"
                : cuda ? "CUDA libtorch loaded but no device: check the NVIDIA driver (nvidia-smi)"
                    : "none: the CPU libtorch has no CUDA (reference a CUDA libtorch package to use a GPU)");
            Line("threads", $"{get_num_threads()} intra-op, {get_num_interop_threads()} inter-op (Environment.ProcessorCount " +
                $"= {Environment.ProcessorCount})");
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or TypeInitializationException
            or BadImageFormatException or EntryPointNotFoundException)
        {
            var message = (e.InnerException ?? e).Message.ReplaceLineEndings(" ");
            Line("loaded", "FAILED: " + message);
            problems.Add(("libtorch did not load: " + message, "see docs/packaging.md: reference a libtorch package for this platform " +
                "and rebuild, so that the native fix runs"));
        }

        stdout.WriteLine(problems.Count == 0 ? "no problems found" : $"{problems.Count} problem(s):");
        foreach (var (problem, fix) in problems) stdout.WriteLine($"  {problem}\n    fix: {fix}");
        return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Whether libLibTorchSharp.so asks libstdc++ for versions the system lacks, and whether its copy here is patched.</summary>
    private static string DebianFix(string? native, string? libstdcxx, HashSet<string>? available, List<(string, string)> problems)
    {
        if (native is null || libstdcxx is null || available is null) return "not checked (no libLibTorchSharp.so beside ramp, or no " +
            "system libstdc++)";
        var report = ElfVersionPatcher.Patch(File.ReadAllBytes(native), native, "libstdc++.so.6", available, out var blocked);
        if (report.Count == 0) return "not needed (the system libstdc++ has every version libLibTorchSharp.so asks for)";
        if (!blocked && report.All(l => l.EndsWith("already weak", StringComparison.Ordinal)))
            return $"needed and applied ({string.Join("; ", report)}) in {native}";
        problems.Add(($"{native} needs {string.Join(", ", report.Select(l => l.Split(':')[0]))}, which {libstdcxx} lacks",
            "build with the Ramp.Training package (its buildTransitive targets patch the copy) or import " +
                "build/TorchSharpNativeFix.targets; then rebuild"));
        return "needed and NOT applied: " + string.Join("; ", report);
    }

    private static string? NativeCopy() =>
        new[] { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, "runtimes",
            RuntimeInformation.RuntimeIdentifier, "native") }
            .Select(d => Path.Combine(d, "libLibTorchSharp.so")).FirstOrDefault(File.Exists);

    /// <summary>The libtorch packages this application was built with, read from its deps.json.</summary>
    private static List<string> LibtorchPackages()
    {
        var found = new List<string>();
        var files = (AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string ?? "").Split(Path.PathSeparator,
            StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.deps.json")).Where(File.Exists).Distinct();
        foreach (var deps in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(deps));
            if (!json.RootElement.TryGetProperty("libraries", out var libraries)) continue;
            found.AddRange(libraries.EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("libtorch-",
                StringComparison.OrdinalIgnoreCase)));
        }
        return found.Distinct().ToList();
    }

    private static List<string> LoadedLibraries() =>
        File.Exists("/proc/self/maps")
            ? File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
                .Where(p => p.StartsWith('/')).Distinct().ToList()
            : [];

    private static string Newest(HashSet<string> versions, string prefix) =>
        versions.Where(v => v.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => Version.TryParse(v[prefix.Length..], out var n) ? n : new Version(0, 0)).LastOrDefault() ?? "none";

    private static string? OsRelease()
    {
        if (!File.Exists("/etc/os-release")) return null;
        var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line?["PRETTY_NAME=".Length..].Trim('"');
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GnuGetLibcVersion();

    private static string? GlibcVersion()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc)) return null;
        if (!NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out var export)) return null;
        return Marshal.PtrToStringAnsi(Marshal.GetDelegateForFunctionPointer<GnuGetLibcVersion>(export)());
    }
}
