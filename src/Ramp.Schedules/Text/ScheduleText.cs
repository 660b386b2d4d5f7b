using Ramp.Schedules.Text.Native;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Text;

/// <summary>
/// Parses a schedule from text in either form: a peer's Python call as written in a recipe
/// (<c>torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, total_steps=1000)</c>) or Ramp's native form.
/// </summary>
public static class ScheduleText
{
    /// <summary>Parses <paramref name="text"/>; the only exception is <see cref="SpecException"/>.</summary>
    public static ScheduleSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsPeerCall(text))
        {
            var value = PythonCallParser.Parse(text);
            return PythonSpecBuilder.Build(value);
        }
        return NativeText.ParseSpec(text);
    }

    /// <summary>
    /// Whether the text starts like a call of a peer scheduler (<c>module.Name(</c>, or a known <c>Name(</c>) or a DeepSpeed
    /// <c>{"type": ...}</c> config, rather than a native spec.
    /// </summary>
    public static bool IsPeerCall(string text)
    {
        var span = text.AsSpan().TrimStart();
        if (span.Length > 0 && span[0] == '{') return true;
        var end = 0;
        while (end < span.Length && (char.IsLetterOrDigit(span[end]) || span[end] is '_' or '.')) end++;
        var rest = span[end..].TrimStart();
        if (end == 0 || rest.Length == 0 || rest[0] != '(') return false;
        var name = span[..end].ToString();
        // A dotted name (module.Name) is Python whether or not the name is known: native names have no dots, and the
        // Python parser can then say which scheduler was meant.
        return (char.IsLetter(name[0]) && name.Contains('.', StringComparison.Ordinal))
            || PeerCatalog.Knows(name[(name.LastIndexOf('.') + 1)..]);
    }
}
