using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Ramp.TestSupport;

/// <summary>
/// The shape of one project of src/ (STYLE.md), checked on its source and its assembly: one public type per file,
/// named as the file; the namespace is the folder; every public type and member has an XML doc comment; no line over
/// 140 characters. One definition: each test project runs it for the projects it references, through a subclass
/// that names the project and one of its types.
/// </summary>
public abstract partial class SourceConventionTests
{
    private const int MaxColumns = 140;

    private readonly string _project;
    private readonly Assembly _assembly;
    private readonly string _source;

    /// <param name="project">The folder under src/, which is also the root namespace (e.g. <c>Ramp.Runs</c>).</param>
    /// <param name="anyType">A type of the project's assembly.</param>
    protected SourceConventionTests(string project, Type anyType)
    {
        _project = project;
        _assembly = anyType.Assembly;
        _source = FindSource(project);
    }

    private IEnumerable<string> Files() => Directory.EnumerateFiles(_source, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private string Relative(string file) => Path.GetRelativePath(_source, file);

    [Fact]
    public void The_project_has_source_files() => Assert.NotEmpty(Files());

    [Fact]
    public void Each_file_holds_at_most_one_public_type_named_as_the_file()
    {
        var wrong = new List<string>();
        foreach (var file in Files())
        {
            var types = PublicType().Matches(File.ReadAllText(file)).Select(m => m.Groups["name"].Value).ToArray();
            if (types.Length > 1 || (types.Length == 1 && types[0] != Path.GetFileNameWithoutExtension(file)))
                wrong.Add($"{Relative(file)}: {string.Join(", ", types)}");
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void The_namespace_is_the_folder()
    {
        var wrong = new List<string>();
        foreach (var file in Files())
        {
            var folder = Path.GetRelativePath(_source, Path.GetDirectoryName(file)!);
            var expected = folder == "." ? _project : _project + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
            var declared = Namespace().Match(File.ReadAllText(file)).Groups["name"].Value;
            if (declared != expected) wrong.Add($"{Relative(file)}: {declared}");
        }
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void No_line_is_longer_than_140_characters()
    {
        var tooLong = Files().SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(x => x.Length > MaxColumns)
            .Select(x => $"{Relative(x.File)}:{x.Line} ({x.Length})")
            .ToArray();
        Assert.True(tooLong.Length == 0, string.Join(", ", tooLong));
    }

    [Fact]
    public void Every_public_type_and_member_is_documented()
    {
        var xml = XDocument.Load(Path.ChangeExtension(_assembly.Location, ".xml"));
        var documented = xml.Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var missing = new List<string>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in _assembly.GetExportedTypes())
        {
            var name = type.FullName!.Replace('+', '.');
            if (!documented.Contains("T:" + name)) missing.Add(name);
            var members = type.GetProperties(flags).Where(p => p.GetIndexParameters().Length == 0).Select(p => ("P", p.Name))
                .Concat(type.GetFields(flags).Where(f => !f.IsSpecialName).Select(f => ("F", f.Name)))
                .Concat(type.GetEvents(flags).Select(e => ("E", e.Name)))
                .Concat(type.GetMethods(flags).Where(m => !m.IsSpecialName && !IsGenerated(m)).Select(m => ("M", m.Name)));
            foreach (var (kind, member) in members.Distinct())
            {
                var id = $"{kind}:{name}.{member}";
                var found = kind == "M"
                    ? documented.Any(d => d == id || d.StartsWith(id + "(", StringComparison.Ordinal)
                        || d.StartsWith(id + "``", StringComparison.Ordinal))
                    : documented.Contains(id);
                if (!found) missing.Add($"{type.Name}.{member}");
            }
        }
        Assert.True(missing.Count == 0, "undocumented: " + string.Join(", ", missing));
    }

    /// <summary>Members the compiler writes (a record's Equals, ToString, Deconstruct ...) carry no doc comment.</summary>
    private static bool IsGenerated(MethodInfo method) =>
        method.IsDefined(typeof(CompilerGeneratedAttribute)) || method.Name.StartsWith('<')
        || method.GetBaseDefinition().DeclaringType == typeof(object)
        || (method.DeclaringType!.IsEnum && method.DeclaringType == typeof(Enum));

    private static string FindSource(string project)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", project);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"no src/{project} above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^public (?:(?:sealed|abstract|static|readonly|partial) )*(?:record(?: struct| class)?|class|enum|interface|struct) (?<name>\w+)",
        RegexOptions.Multiline)]
    private static partial Regex PublicType();

    [GeneratedRegex(@"^namespace (?<name>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex Namespace();
}
