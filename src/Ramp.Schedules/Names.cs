namespace Ramp.Schedules;

/// <summary>The one rule that turns a C# name into the snake-case name text forms use.</summary>
internal static class Names
{
    /// <summary><c>MinMomentum</c> becomes <c>min_momentum</c>: an underscore before every capital but the first.</summary>
    public static string Snake(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) chars.Add('_');
            chars.Add(char.ToLowerInvariant(c));
        }
        return new string(chars.ToArray());
    }
}
