using CsCheck;
using Ramp.Schedules.Tests.Reference;
using Ramp.Schedules.Text;
using Ramp.Schedules.Text.Python;

namespace Ramp.Schedules.Tests.Text.Python;

public class ParserFuzzTests
{
    private const string Alphabet = "abcxyzLR_.0123456789eExXoObBjJ()[]{},:=+-*/%#'\"\\ \n\trfu!$@~";

    private static readonly string[] Specs = ReferenceCase.Cases.Values.Select(c => c.Spec)
        .Append("{\"type\": \"WarmupLR\", \"params\": {\"warmup_num_steps\": 10}}").ToArray();

    /// <summary>
    /// Parses then builds: anything but a SpecException is a bug. Binding may only reject with a documented ArgumentException.
    /// </summary>
    private static void OnlySpecExceptions(string text)
    {
        ScheduleSpec spec;
        try
        {
            spec = PythonSpecBuilder.Build(PythonCallParser.Parse(text));
        }
        catch (SpecException)
        {
            return;
        }
        try
        {
            _ = spec.Bind([0.1, 0.01]);
        }
        catch (ArgumentException error) when (error is not ArgumentNullException && error.Message.Length > 0)
        {
            // Binding may reject a spec that does not fit the groups' base rates (list lengths, lr_end >= lr): documented.
        }
    }

    [Fact]
    public void RandomStringsOnlyEverGiveSpecExceptions() =>
        Gen.String[Gen.Char[Alphabet], 0, 60].Sample(OnlySpecExceptions, iter: 20_000);

    [Fact]
    public void ArbitraryUnicodeOnlyEverGivesSpecExceptions() =>
        Gen.String.Sample(OnlySpecExceptions, iter: 5_000);

    [Fact]
    public void MutatedReferenceSpecsOnlyEverGiveSpecExceptions()
    {
        var mutation = Gen.Select(Gen.OneOfConst(Specs), Gen.Int[0, 1000], Gen.Int[0, 3], Gen.String[Gen.Char[Alphabet], 0, 4])
            .Select(x =>
            {
                var (spec, at, kind, insert) = x;
                var i = at % (spec.Length + 1);
                return kind switch
                {
                    0 => spec[..i] + insert + spec[i..],
                    1 => spec[..i] + spec[Math.Min(spec.Length, i + insert.Length + 1)..],
                    2 => spec[..i],
                    _ => spec[..i] + insert + spec[Math.Min(spec.Length, i + 1)..],
                };
            });
        mutation.Sample(OnlySpecExceptions, iter: 20_000);
    }

    [Fact]
    public void EveryReferenceSpecParses()
    {
        foreach (var spec in Specs) Assert.NotNull(PythonCallParser.Parse(spec));
    }
}
