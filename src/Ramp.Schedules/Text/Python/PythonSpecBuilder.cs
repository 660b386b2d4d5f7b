namespace Ramp.Schedules.Text.Python;

/// <summary>PLACEHOLDER (owned by the Python-text work): turns a parsed call into a spec through <see cref="PeerCatalog"/>.</summary>
public static class PythonSpecBuilder
{
    /// <summary>Builds the spec a parsed Python value denotes.</summary>
    public static ScheduleSpec Build(PyValue value) => value is PyCall call
        ? PeerCatalog.Resolve(call).Build(call)
        : throw new SpecException(value.Position, $"expected a scheduler call but found {value.Kind}");
}
