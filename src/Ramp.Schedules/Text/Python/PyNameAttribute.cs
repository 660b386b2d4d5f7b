namespace Ramp.Schedules.Text.Python;

/// <summary>
/// The peer's own spelling of a constructor parameter (<c>T_max</c> for <c>TMax</c>) or of an enum member
/// (<c>1-sqrt</c> for <c>OneMinusSqrt</c>), where it is not the snake-case of the C# name.
/// </summary>
/// <param name="name">The name as the peer writes it.</param>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Field, Inherited = false)]
internal sealed class PyNameAttribute(string name) : Attribute
{
    /// <summary>The name as the peer writes it.</summary>
    public string Name { get; } = name;
}
