namespace Ramp.Schedules.Text.Python;

/// <summary>
/// Reads a constructor parameter whose Python form is irregular (a warmup given as a ratio of the run, a total
/// given as <c>epochs * steps_per_epoch</c>, a group of <c>noise_*</c> keywords) with a <see cref="IPyConverter"/>
/// instead of the binder's rule for its type.
/// </summary>
/// <param name="converter">A type implementing <see cref="IPyConverter"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
internal sealed class PyConverterAttribute(Type converter) : Attribute
{
    /// <summary>The converter.</summary>
    public IPyConverter Converter { get; } = (IPyConverter)Activator.CreateInstance(converter)!;
}

/// <summary>Reads and prints one constructor parameter of a declared peer record.</summary>
internal interface IPyConverter
{
    /// <summary>The parameter's value from the call; called whether or not the keyword was written.</summary>
    /// <param name="args">The bound call.</param>
    /// <param name="name">The parameter's Python name.</param>
    /// <param name="fallback">The constructor's default, or <see cref="DBNull"/> when the parameter is required.</param>
    object? Read(PyArgs args, string name, object? fallback);

    /// <summary>The keywords that write <paramref name="value"/> back (none when it is the default).</summary>
    IEnumerable<(string Name, string Text)> Print(string name, object? value, object? fallback);
}
