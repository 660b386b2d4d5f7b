using Ramp.Schedules.Compat.Optax;
using System.Reflection;

namespace Ramp.Schedules.Tests.Conventions;

/// <summary>
/// Every record of Ramp.Schedules keeps its constructor's checks: a positional parameter must be re-declared as a
/// get-only property (initialised from the validated parameter), so <c>with { ... }</c> cannot put a value past the
/// validation. A bool needs no check and may keep its generated <c>init</c>. Checked: every schedule, spec and setting
/// record a user builds; not checked: the parser's syntax records (<c>Ramp.Schedules.Text.*</c>, internal) and the
/// state and results the library itself builds from validated specs (plateau rules and their state, bound sets, tables).
/// </summary>
public class RecordValidationTests
{
    private static readonly Type[] Records = typeof(Schedule).Assembly.GetTypes()
        .Where(t => t.GetMethod("<Clone>$") is not null && !t.IsAbstract)
        .Where(t => !t.Namespace!.StartsWith("Ramp.Schedules.Text", StringComparison.Ordinal))
        .Where(t => !t.Name.EndsWith("PlateauRule", StringComparison.Ordinal)
            && t.Name is not ("PlateauState" or "BaseRate" or "ScheduleSet" or "LrTable"))
        .ToArray();

    [Fact]
    public void There_are_records_to_check() => Assert.True(Records.Length > 80, $"only {Records.Length} records found");

    [Fact]
    public void No_positional_parameter_can_be_set_past_its_validation()
    {
        var holes = new List<string>();
        foreach (var type in Records)
        {
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                .Where(c => c.GetParameters() is var ps && !(ps.Length == 1 && ps[0].ParameterType == type))
                .OrderByDescending(c => c.GetParameters().Length)
                .FirstOrDefault();
            if (constructor is null) continue;
            foreach (var parameter in constructor.GetParameters())
            {
                var property = type.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
                if (property is null || property.SetMethod is null) continue;
                if (parameter.ParameterType == typeof(bool)) continue;
                holes.Add($"{type.Name}.{parameter.Name}");
            }
        }
        Assert.True(holes.Count == 0, "settable with `with`, past validation: " + string.Join(", ", holes));
    }

    [Fact]
    public void The_issue_example_is_refused_at_construction()
    {
        var spec = new OptaxPiecewiseConstant(1, new long[] { 10, 20 }, new[] { 0.5, 0.5 });
        Assert.Null(typeof(OptaxPiecewiseConstant).GetProperty("Scales")!.SetMethod);
        Assert.Equal(0.25, spec.ValueAt(25));
    }
}
