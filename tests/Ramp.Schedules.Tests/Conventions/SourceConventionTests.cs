using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ramp.Schedules.Tests.Conventions;

/// <summary>
/// The shape of src/Ramp.Schedules, checked on its source and its assembly: one public type per file, named as the
/// file; the namespace is the folder; every public type and member has an XML doc comment; no line over 140 characters.
/// </summary>
public partial class SourceConventionTests
{
    private static readonly string Source = FindSource();

    private static IEnumerable<string> Files() => Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Each_file_holds_at_most_one_public_type_named_as_the_file()
    {
        var wrong = new List<string>();
        foreach (var file in Files())
        {
            var types = PublicType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToArray();
            if (types.Length > 1 || (types.Length == 1 && types[0] != Path.GetFileNameWithoutExtension(file)))
                wrong.Add($"{Path.GetRelativePath(Source, file)}: {string.Join(", ", types)}");
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
        Assert.True(Files().Count() > 100);
    }

    [Fact]
    public void The_namespace_is_the_folder()
    {
        var wrong = new List<string>();
        foreach (var file in Files())
        {
            var folder = Path.GetRelativePath(Source, Path.GetDirectoryName(file)!);
            var expected = folder == "." ? "Ramp.Schedules" : "Ramp.Schedules." + folder.Replace(Path.DirectorySeparatorChar, '.');
            var declared = Namespace().Match(File.ReadAllText(file)).Groups["name"].Value;
            if (declared != expected) wrong.Add($"{Path.GetRelativePath(Source, file)}: {declared}");
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void No_line_is_longer_than_140_characters()
    {
        var long_ = Files().SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line.Length)))
            .Where(x => x.Length > 140)
            .Select(x => $"{Path.GetRelativePath(Source, x.f)}:{x.i + 1}")
            .ToArray();
        Assert.True(long_.Length == 0, string.Join(", ", long_));
    }

    [Fact]
    public void Every_public_type_and_member_is_documented()
    {
        var assembly = typeof(Schedule).Assembly;
        var xml = XDocument.Load(Path.ChangeExtension(assembly.Location, ".xml"));
        var documented = xml.Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var type in assembly.GetExportedTypes())
        {
            if (!documented.Contains("T:" + type.FullName)) missing.Add(type.FullName!);
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var property in type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0))
            {
                if (!documented.Contains($"P:{type.FullName}.{property.Name}")) missing.Add($"{type.Name}.{property.Name}");
            }
        }
        Assert.True(missing.Count == 0, "undocumented: " + string.Join(", ", missing));
    }

    private static string FindSource()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Ramp.Schedules");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no src/Ramp.Schedules above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^public (?:(?:sealed|abstract|static|readonly|partial) )*(?:record|class|enum|interface|struct) (?<name>\w+)",
        RegexOptions.Multiline)]
    private static partial Regex PublicType();

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
