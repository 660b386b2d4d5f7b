#nullable enable
// Build-time code, compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets), which takes a
// single source file: hence three types here. tests/Ramp.Training.Tests compiles it too, with RAMP_NATIVEFIX_NO_TASK
// defined to leave out the MSBuild task (the only part that needs MSBuild's assemblies).
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Ramp.Build
{
    /// <summary>
    /// Relaxes symbol-version requirements of an ELF64 little-endian shared library that the system's libraries
    /// cannot satisfy, when no relocation uses a symbol of that version: the version's entry in
    /// <c>.gnu.version_r</c> gets <c>VER_FLG_WEAK</c> (ld.so then does not refuse to load the file) and each
    /// symbol carrying it gets version index 1 (global), as <c>patchelf --clear-symbol-version</c> does.
    /// The file keeps its size and layout; only flag and index fields change.
    /// </summary>
    public static class ElfVersionPatcher
    {
        private const ushort VerFlagWeak = 0x2;
        private const uint ShtRela = 4, ShtRel = 9, ShtDynsym = 11, ShtVerdef = 0x6ffffffd, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;

        /// <summary>The version names (e.g. <c>GLIBCXX_3.4.30</c>) that a library defines in <c>.gnu.version_d</c>.</summary>
        public static HashSet<string> DefinedVersions(byte[] elf, string file)
        {
            var image = new Image(elf, file);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var section in image.SectionsOfType(ShtVerdef))
            {
                long at = section.Offset;
                for (int i = 0; i < section.Info; i++)
                {
                    long aux = at + image.U32(at + 12);
                    names.Add(image.Str(section.Link, image.U32(aux)));
                    uint next = image.U32(at + 16);
                    if (next == 0) break;
                    at += next;
                }
            }
            return names;
        }

        /// <summary>
        /// Patches <paramref name="elf"/> in memory. For every version needed from <paramref name="fromFile"/>
        /// (e.g. <c>libstdc++.so.6</c>) that is not in <paramref name="available"/>: if no relocation refers to a
        /// symbol of that version, the requirement is made weak and the symbols unversioned; otherwise nothing is
        /// changed and the version is reported as blocking.
        /// </summary>
        /// <returns>What was done, one line per missing version; empty when nothing was missing.</returns>
        public static List<string> Patch(byte[] elf, string file, string fromFile, ISet<string> available, out bool blocked)
        {
            var image = new Image(elf, file);
            var report = new List<string>();
            blocked = false;
            var dynsym = image.Single(ShtDynsym, ".dynsym");
            var versym = image.Single(ShtVersym, ".gnu.version");
            var verneed = image.Single(ShtVerneed, ".gnu.version_r");
            long symbols = dynsym.Size / 24;

            var used = new HashSet<long>();
            foreach (uint type in new[] { ShtRela, ShtRel })
                foreach (var rel in image.SectionsOfType(type))
                {
                    long entry = type == ShtRela ? 24 : 16;
                    for (long at = rel.Offset; at + entry <= rel.Offset + rel.Size; at += entry)
                        used.Add((long)(image.U64(at + 8) >> 32));
                }

            long need = verneed.Offset;
            for (int n = 0; n < verneed.Info; n++)
            {
                string needFile = image.Str(verneed.Link, image.U32(need + 4));
                long aux = need + image.U32(need + 8);
                int count = image.U16(need + 2);
                for (int a = 0; a < count; a++)
                {
                    string name = image.Str(verneed.Link, image.U32(aux + 8));
                    ushort index = image.U16(aux + 6);
                    ushort flags = image.U16(aux + 4);
                    if (needFile == fromFile && !available.Contains(name))
                    {
                        var carriers = new List<long>();
                        for (long s = 0; s < symbols; s++)
                            if ((image.U16(versym.Offset + 2 * s) & 0x7fff) == index) carriers.Add(s);
                        var referenced = carriers.FindAll(used.Contains);
                        if (referenced.Count > 0)
                        {
                            blocked = true;
                            report.Add($"{name}: not patched, relocations use {SymbolNames(image, dynsym, referenced)}");
                        }
                        else if ((flags & VerFlagWeak) != 0 && carriers.Count == 0)
                        {
                            report.Add($"{name}: already weak");
                        }
                        else
                        {
                            image.W16(aux + 4, (ushort)(flags | VerFlagWeak));
                            foreach (long s in carriers) image.W16(versym.Offset + 2 * s, 1);
                            report.Add($"{name}: made weak; unversioned {(carriers.Count == 0 ? "no symbol" : SymbolNames(image, dynsym, carriers))} (no relocation uses it)");
                        }
                    }
                    uint nextAux = image.U32(aux + 12);
                    if (nextAux == 0) break;
                    aux += nextAux;
                }
                uint next = image.U32(need + 12);
                if (next == 0) break;
                need += next;
            }
            return report;
        }

        private static string SymbolNames(Image image, Section dynsym, List<long> symbols)
        {
            var names = new List<string>();
            foreach (long s in symbols) names.Add(image.Str(dynsym.Link, image.U32(dynsym.Offset + 24 * s)));
            return string.Join(", ", names);
        }

        private struct Section
        {
            public uint Type, Link, Info;
            public long Offset, Size;
        }

        /// <summary>Bounds-checked little-endian view of an ELF64 file with its section headers.</summary>
        private sealed class Image
        {
            private readonly byte[] _b;
            private readonly string _file;
            private readonly Section[] _sections;

            public Image(byte[] bytes, string file)
            {
                _b = bytes;
                _file = file;
                if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
                    throw Bad("not an ELF file");
                if (bytes[4] != 2 || bytes[5] != 1) throw Bad("not a 64-bit little-endian ELF file");
                long shoff = (long)U64(0x28);
                int shentsize = U16(0x3a), shnum = U16(0x3c);
                if (shoff == 0 || shnum == 0) throw Bad("no section headers");
                if (shentsize < 64) throw Bad($"section header size {shentsize} is too small");
                _sections = new Section[shnum];
                for (int i = 0; i < shnum; i++)
                {
                    long h = shoff + (long)i * shentsize;
                    _sections[i] = new Section
                    {
                        Type = U32(h + 4), Offset = (long)U64(h + 24), Size = (long)U64(h + 32),
                        Link = U32(h + 40), Info = U32(h + 44),
                    };
                    if (_sections[i].Type != 8 && (_sections[i].Offset < 0 || _sections[i].Offset + _sections[i].Size > bytes.Length))
                        throw Bad($"section {i} lies outside the file (truncated?)");
                }
            }

            public IEnumerable<Section> SectionsOfType(uint type)
            {
                foreach (var s in _sections) if (s.Type == type) yield return s;
            }

            public Section Single(uint type, string name)
            {
                foreach (var s in _sections) if (s.Type == type) return s;
                throw Bad($"no {name} section");
            }

            public string Str(uint tableSection, uint offset)
            {
                if (tableSection >= _sections.Length) throw Bad($"string table {tableSection} does not exist");
                long start = _sections[tableSection].Offset + offset, end = start;
                while (end < _b.Length && _b[end] != 0) end++;
                if (end >= _b.Length) throw Bad("unterminated string");
                return Encoding.ASCII.GetString(_b, (int)start, (int)(end - start));
            }

            public ushort U16(long at) { Check(at, 2); return (ushort)(_b[at] | _b[at + 1] << 8); }

            public uint U32(long at) { Check(at, 4); return (uint)(_b[at] | _b[at + 1] << 8 | _b[at + 2] << 16 | _b[at + 3] << 24); }

            public ulong U64(long at) => U32(at) | (ulong)U32(at + 4) << 32;

            public void W16(long at, ushort value) { Check(at, 2); _b[at] = (byte)value; _b[at + 1] = (byte)(value >> 8); }

            private void Check(long at, int size)
            {
                if (at < 0 || at + size > _b.Length) throw Bad($"read past the end at offset {at} (truncated?)");
            }

            private InvalidDataException Bad(string what) => new InvalidDataException($"{_file}: {what}");
        }
    }
}

namespace Ramp.Build
{
    /// <summary>File-level fix: finds the system's libstdc++, patches a library file safely and idempotently.</summary>
    public static class NativeLibraryFix
    {
        /// <summary>Where Debian, Ubuntu, Fedora and Arch keep the C++ runtime that ld.so will pick.</summary>
        public static readonly string[] SystemLibstdcxx =
        {
            "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
            "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
        };

        /// <summary>The first existing system libstdc++ (symbolic links followed), or null.</summary>
        public static string? FindSystemLibstdcxx()
        {
            foreach (var path in SystemLibstdcxx)
                if (File.Exists(path)) return path;
            return null;
        }

        /// <summary>
        /// Patches <paramref name="target"/> so that it loads against the C++ runtime at <paramref name="libstdcxx"/>.
        /// Writes a new file and renames it over the old one (a hard link into the NuGet cache is never written
        /// through), keeps the old modification time (so MSBuild's incremental copy does not replace it), and
        /// does nothing when nothing is missing or the file is already patched.
        /// </summary>
        /// <returns>One line per missing version; <paramref name="blocked"/> is true when one could not be relaxed.</returns>
        public static List<string> PatchFile(string target, string libstdcxx, out bool blocked)
        {
            var available = ElfVersionPatcher.DefinedVersions(File.ReadAllBytes(libstdcxx), libstdcxx);
            var bytes = File.ReadAllBytes(target);
            var original = (byte[])bytes.Clone();
            var report = ElfVersionPatcher.Patch(bytes, target, "libstdc++.so.6", available, out blocked);
            if (!blocked && !AreEqual(bytes, original))
            {
                var time = File.GetLastWriteTimeUtc(target);
                var temp = target + ".ramp-patch.tmp";
                File.WriteAllBytes(temp, bytes);
                File.SetLastWriteTimeUtc(temp, time);
                File.Delete(target); // unlinks the name only: a hard-linked original stays as it was
                File.Move(temp, target);
                File.SetLastWriteTimeUtc(target, time);
            }
            return report;
        }

        private static bool AreEqual(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
            return true;
        }
    }
}

#if !RAMP_NATIVEFIX_NO_TASK
namespace Ramp.Build
{
    /// <summary>MSBuild task: patches the copies of libLibTorchSharp.so that a build or publish put in place.</summary>
    public sealed class PatchTorchSharpNative : Microsoft.Build.Utilities.Task
    {
        /// <summary>The copies to patch (in the output or publish folder, never in the NuGet cache).</summary>
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        /// <inheritdoc />
        public override bool Execute()
        {
            if (Path.DirectorySeparatorChar != '/') return true;
            var libstdcxx = NativeLibraryFix.FindSystemLibstdcxx();
            if (libstdcxx is null)
            {
                Log.LogMessage("Ramp: no system libstdc++.so.6 found; TorchSharp native library left as shipped.");
                return true;
            }
            foreach (var item in Files)
            {
                var path = item.ItemSpec;
                if (!File.Exists(path)) continue;
                try
                {
                    foreach (var line in NativeLibraryFix.PatchFile(path, libstdcxx, out bool blocked))
                    {
                        if (blocked) Log.LogWarning(null, "RAMP001", null, path, 0, 0, 0, 0, "Ramp: cannot relax {0}", line);
                        else Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "Ramp: {0}: {1} (system {2})", path, line, libstdcxx);
                    }
                }
                catch (InvalidDataException e)
                {
                    Log.LogWarning(null, "RAMP002", null, path, 0, 0, 0, 0, "Ramp: cannot patch: {0}", e.Message);
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
}
#endif
